package dev.cloudmetrics.cdn;

/** Kingsoft Cloud live CDN billing regions, as the API spells them. */
public enum BillingRegion {
  CN, HK, AS, NA, SA, EU, AU, AF, TW
}
