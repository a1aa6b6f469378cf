package dev.cloudmetrics.emulator;

import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.auth.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** KSYun's gateway: checks the AWS Signature Version 4 of a request before the service sees it. */
final class KsyunGateway {
  private static final Duration TOLERANCE = Duration.ofMinutes(15);

  private final Map<String, Credentials> known;
  private final String service;
  private final Clock clock;

  KsyunGateway(List<Credentials> known, String service, Clock clock) {
    this.known = known.stream().collect(Collectors.toMap(Credentials::accessKeyId, Function.identity()));
    this.service = service;
    this.clock = clock;
  }

  void authenticate(ReceivedRequest request) {
    String header = request.header("Authorization").orElseThrow(() ->
        KsyunErrors.forbidden("MissingAuthenticationToken", "Request is missing Authentication Token"));
    SignatureHeader authorization = SignatureHeader.parse(header, "AWS4-HMAC-SHA256", "aws4_request")
        .orElseThrow(() -> KsyunErrors.forbidden("IncompleteSignature",
            "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."));
    String amzDate = request.header("X-Amz-Date").orElse("");
    Instant signedAt = SigningTime.parse(amzDate).orElseThrow(() -> KsyunErrors.forbidden("IncompleteSignature",
        "Authorization header requires existence of a valid 'X-Amz-Date' header."));
    Instant now = clock.instant();
    if (!SigningTime.within(signedAt, now, TOLERANCE)) {
      throw KsyunErrors.forbidden("RequestExpired", "Request has expired. Signed at " + amzDate
          + ", more than 15 min from the server time " + SigningTime.format(now) + ".");
    }
    Credentials credentials = known.get(authorization.accessKeyId());
    if (credentials == null) {
      throw KsyunErrors.forbidden("InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    if (!authorization.date().equals(amzDate.substring(0, 8))) {
      throw KsyunErrors.forbidden("SignatureDoesNotMatch", "Credential should be scoped to a valid date: "
          + amzDate.substring(0, 8) + ".");
    }
    String expected = AwsV4Signer.signature(request.asApiRequest(), authorization.signedHeaders(),
        credentials.secretAccessKey(), amzDate, authorization.region(), service);
    if (!authorization.matches(expected)) {
      throw KsyunErrors.forbidden("SignatureDoesNotMatch", "The request signature we calculated does not match the "
          + "signature you provided. Check your Secret Access Key and signing method.");
    }
  }
}
