package dev.cloudmetrics.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The official signers' test vectors in ../shared/vectors, read as they are. */
final class SigningVectors {
  private SigningVectors() {}

  static JsonNode load(String file) {
    Path dir = Path.of(System.getProperty("cloudmetrics.vectors", "../shared/vectors"));
    try {
      return new ObjectMapper().readTree(dir.resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing vectors " + dir.resolve(file), e);
    }
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
