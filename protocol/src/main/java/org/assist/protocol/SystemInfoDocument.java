package org.assist.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The system information of one computer, as the agent collects it and the server stores and shows
 * it: categories of sections, each a property list or a table of text cells. Labels and column
 * names are keys the console translates; values are the computer's own text. Reading one enforces
 * the limits, so a hostile agent cannot make the server hold or render huge documents.
 *
 * @param computerName the computer's host name
 * @param collectedAt when the collection finished
 */
public record SystemInfoDocument(
    String computerName, Instant collectedAt, List<Category> categories) implements EventBody {
  public static final int MAX_CATEGORIES = 40;
  public static final int MAX_SECTIONS = 200;
  public static final int MAX_ROWS = 5000;
  public static final int MAX_COLUMNS = 20;
  public static final int MAX_TEXT = 2000;

  /**
   * One category, such as {@code computer} or {@code processes}.
   *
   * @param id the category's key
   * @param error why it could not be collected (then it has no sections), or null
   * @param millis how long collecting it took
   */
  public record Category(String id, String error, long millis, List<Section> sections) {
    public boolean failed() {
      return error != null;
    }
  }

  /**
   * A titled block of a category. A property list has the columns {@code property, value} and its
   * first cells are keys too; a table has its own column keys.
   */
  public record Section(
      String title, boolean properties, List<String> columns, List<List<String>> rows) {
    public static Section properties(String title, List<List<String>> rows) {
      return new Section(title, true, List.of("property", "value"), rows);
    }

    public static Section table(String title, List<String> columns, List<List<String>> rows) {
      return new Section(title, false, columns, rows);
    }
  }

  @Override
  public EventType eventType() {
    return EventType.SYSTEM_INFO;
  }

  @Override
  public JsonObject toJson() {
    JsonArrayBuilder list = JsonCodec.array();
    for (Category category : categories) {
      JsonObjectBuilder item =
          JsonCodec.object().add("id", category.id()).add("millis", category.millis());
      if (category.error() != null) {
        item.add("error", category.error());
      }
      JsonArrayBuilder sections = JsonCodec.array();
      for (Section section : category.sections()) {
        JsonObjectBuilder block = JsonCodec.object();
        if (section.title() != null) {
          block.add("title", section.title());
        }
        block.add("properties", section.properties());
        block.add("columns", strings(section.columns()));
        JsonArrayBuilder rows = JsonCodec.array();
        section.rows().forEach(row -> rows.add(strings(row)));
        sections.add(block.add("rows", rows));
      }
      list.add(item.add("sections", sections));
    }
    return JsonCodec.object()
        .add("computerName", computerName)
        .add("collectedAt", collectedAt.toString())
        .add("categories", list)
        .build();
  }

  /** Reads and checks a document; anything out of shape or over a limit is malformed. */
  public static SystemInfoDocument fromJson(JsonObject json) throws MalformedMessageException {
    try {
      List<Category> categories = new ArrayList<>();
      int sectionCount = 0;
      JsonArray list = json.getJsonArray("categories");
      check(list != null && list.size() <= MAX_CATEGORIES, "categories");
      for (JsonObject item : list.getValuesAs(JsonObject.class)) {
        List<Section> sections = new ArrayList<>();
        JsonArray blocks = item.getJsonArray("sections");
        check(blocks != null, "sections");
        sectionCount += blocks.size();
        check(sectionCount <= MAX_SECTIONS, "too many sections");
        for (JsonObject block : blocks.getValuesAs(JsonObject.class)) {
          List<String> columns = texts(block.getJsonArray("columns"));
          check(!columns.isEmpty() && columns.size() <= MAX_COLUMNS, "columns");
          JsonArray rowsJson = block.getJsonArray("rows");
          check(rowsJson != null && rowsJson.size() <= MAX_ROWS, "rows");
          List<List<String>> rows = new ArrayList<>();
          for (JsonValue row : rowsJson) {
            List<String> cells = texts(row.asJsonArray());
            check(cells.size() == columns.size(), "row width");
            rows.add(cells);
          }
          sections.add(
              new Section(
                  optionalText(block, "title"),
                  block.getBoolean("properties", false),
                  columns,
                  rows));
        }
        categories.add(
            new Category(
                text(item.getString("id")),
                optionalText(item, "error"),
                item.getJsonNumber("millis") == null ? 0 : item.getJsonNumber("millis").longValue(),
                sections));
      }
      return new SystemInfoDocument(
          text(json.getString("computerName", "")),
          Instant.parse(json.getString("collectedAt")),
          categories);
    } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new MalformedMessageException("system information out of shape: " + e, e);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("system information out of shape: " + e.getMessage(), e);
    }
  }

  /** The category with this id, if collected. */
  public Category category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = JsonCodec.array();
    values.forEach(value -> array.add(value == null ? "" : value));
    return array;
  }

  private static List<String> texts(JsonArray array) {
    check(array != null, "array");
    List<String> values = new ArrayList<>(array.size());
    for (JsonValue value : array) {
      values.add(text(((JsonString) value).getString()));
    }
    return values;
  }

  private static String optionalText(JsonObject object, String name) {
    return object.containsKey(name) && !object.isNull(name) ? text(object.getString(name)) : null;
  }

  private static String text(String value) {
    check(value.length() <= MAX_TEXT, "text over " + MAX_TEXT + " characters");
    return value;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException(what);
    }
  }
}
