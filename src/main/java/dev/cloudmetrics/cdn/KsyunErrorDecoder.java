package dev.cloudmetrics.cdn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.ErrorDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Kingsoft Cloud's error answers: {@code {"RequestId", "Error": {"Type", "Code", "Message"}}}
 * in JSON or the same as {@code <ErrorResponse>} XML, with field names in any case (the official
 * Java SDK lower-cases the body, the English docs write {@code <code>}) and under any status (a
 * gateway may send the envelope with HTTP 200).
 */
public final class KsyunErrorDecoder implements ErrorDecoder {
  // The streaming parser: an ObjectMapper costs a sandbox query 30 ms of start-up, for a two-level object.
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public Optional<ApiError> decode(ApiResponse response) {
    byte[] body = response.body();
    Optional<ApiError> enveloped = switch (firstSignificant(body)) {
      case '{' -> json(response.status(), body);
      case '<' -> xml(response.status(), body);
      default -> Optional.empty();
    };
    return enveloped.or(() -> response.status() < 400 ? Optional.empty() : Optional.of(ErrorDecoder.fromStatus(response)));
  }

  private static Optional<ApiError> json(int status, byte[] body) {
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      Optional<String> requestId = Optional.empty();
      Optional<String> code = Optional.empty();
      Optional<String> message = Optional.empty();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if ("RequestId".equalsIgnoreCase(name)) {
          requestId = text(json, value);
        } else if ("Error".equalsIgnoreCase(name) && value == JsonToken.START_OBJECT) {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken fieldValue = json.nextToken();
            switch (field.toLowerCase(Locale.ROOT)) {
              case "code" -> code = text(json, fieldValue);
              case "message" -> message = text(json, fieldValue);
              default -> json.skipChildren();
            }
          }
        } else {
          json.skipChildren();
        }
      }
      return error(status, code, message, requestId);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A scalar's text, if it has any; objects and arrays are skipped. */
  private static Optional<String> text(JsonParser json, JsonToken value) throws IOException {
    if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
      json.skipChildren();
      return Optional.empty();
    }
    return Optional.of(json.getValueAsString()).filter(t -> !t.isBlank());
  }

  private static Optional<ApiError> xml(int status, byte[] body) {
    try {
      Document document = secureBuilder().parse(new ByteArrayInputStream(body));
      Optional<Element> error = first(document.getDocumentElement(), "Error");
      if (error.isEmpty()) {
        return Optional.empty();
      }
      return error(status, child(error.get(), "Code"), child(error.get(), "Message"),
          child(document.getDocumentElement(), "RequestId"));
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> child(Element parent, String localName) {
    return first(parent, localName).map(e -> e.getTextContent().strip()).filter(t -> !t.isEmpty());
  }

  /** The first element at or below {@code root} whose local name is {@code localName} in any case. */
  private static Optional<Element> first(Element root, String localName) {
    NodeList all = root.getElementsByTagNameNS("*", "*");
    if (localName.equalsIgnoreCase(root.getLocalName())) {
      return Optional.of(root);
    }
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (localName.equalsIgnoreCase(element.getLocalName())) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  private static Optional<ApiError> error(int status, Optional<String> code, Optional<String> message,
      Optional<String> requestId) {
    return code.map(c -> new ApiError(status, c, message.orElse("(no message)"), requestId));
  }

  /** No DTDs, no external entities: an error page must not make the tool read files or the network. */
  private static DocumentBuilder secureBuilder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    // The default handler prints "[Fatal Error]" to stderr; this one only throws.
    builder.setErrorHandler(new DefaultHandler());
    return builder;
  }

  /** The first character that is not white space or a byte-order mark, or 0 for none. */
  private static char firstSignificant(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8);
    return (char) head.chars().filter(c -> !Character.isWhitespace(c) && c != '\uFEFF').findFirst().orElse(0);
  }
}
