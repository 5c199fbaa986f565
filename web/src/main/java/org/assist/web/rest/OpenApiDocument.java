package org.assist.web.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.assist.protocol.JsonCodec;

/**
 * The REST API as an OpenAPI 3.0 document, generated from the resource classes themselves (their
 * paths, HTTP methods, path and query parameters with their defaults, request bodies, and the
 * fields of the records they answer with), so that it cannot drift from what the server does.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static JsonObject of(List<Class<?>> resources) {
    Map<String, JsonObjectBuilder> paths = new TreeMap<>();
    for (Class<?> resource : resources) {
      String base = resource.getAnnotation(Path.class).value();
      Method[] methods = resource.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method method : methods) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = "/" + base + (sub == null ? "" : "/" + sub.value());
        path = path.replaceAll("\\{(\\w+):[^}]*}", "{$1}").replaceAll("/+", "/");
        paths.computeIfAbsent(path, p -> JsonCodec.object()).add(verb, operation(resource, method));
      }
    }
    JsonObjectBuilder pathObject = JsonCodec.object();
    paths.forEach(pathObject::add);
    return JsonCodec.object()
        .add("openapi", "3.0.3")
        .add(
            "info",
            JsonCodec.object()
                .add("title", "Assist REST API")
                .add("version", "1")
                .add(
                    "description",
                    "Help-desk integrations: sessions and their reports, system information,"
                        + " the script library, runs, administration. HTTP Basic with the"
                        + " console's accounts; errors are {\"message\", \"field\"} in the"
                        + " caller's language (Accept-Language: en or fr)."))
        .add("servers", JsonCodec.array().add(JsonCodec.object().add("url", "/assist/api")))
        .add(
            "components",
            JsonCodec.object()
                .add(
                    "securitySchemes",
                    JsonCodec.object()
                        .add(
                            "basic",
                            JsonCodec.object().add("type", "http").add("scheme", "basic"))))
        .add("security", JsonCodec.array().add(JsonCodec.object().add("basic", JsonCodec.array())))
        .add("paths", pathObject)
        .build();
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "get";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "post";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "put";
    }
    return method.isAnnotationPresent(DELETE.class) ? "delete" : null;
  }

  private static JsonObjectBuilder operation(Class<?> resource, Method method) {
    String tag = resource.getSimpleName().replace("Resource", "");
    JsonObjectBuilder operation =
        JsonCodec.object()
            .add("tags", JsonCodec.array().add(tag))
            .add(
                "operationId",
                Character.toLowerCase(tag.charAt(0)) + tag.substring(1) + "_" + method.getName());
    JsonArrayBuilder parameters = JsonCodec.array();
    boolean anyParameter = false;
    JsonObjectBuilder body = null;
    for (Parameter parameter : method.getParameters()) {
      PathParam inPath = parameter.getAnnotation(PathParam.class);
      QueryParam inQuery = parameter.getAnnotation(QueryParam.class);
      if (inPath != null || inQuery != null) {
        JsonObjectBuilder schema = schema(parameter.getParameterizedType(), new HashSet<>());
        DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
        if (fallback != null) {
          schema.add("default", fallback.value());
        }
        parameters.add(
            JsonCodec.object()
                .add("name", inPath != null ? inPath.value() : inQuery.value())
                .add("in", inPath != null ? "path" : "query")
                .add("required", inPath != null)
                .add("schema", schema));
        anyParameter = true;
      } else if (!annotated(parameter, Context.class) && !annotated(parameter, BeanParam.class)) {
        body = requestBody(method, parameter);
      }
    }
    if (anyParameter) {
      operation.add("parameters", parameters);
    }
    if (body != null) {
      operation.add("requestBody", body);
    }
    return operation.add("responses", responses(method));
  }

  private static boolean annotated(Parameter parameter, Class<? extends Annotation> type) {
    return parameter.isAnnotationPresent(type);
  }

  private static JsonObjectBuilder requestBody(Method method, Parameter parameter) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    String type = consumes == null ? MediaType.APPLICATION_JSON : consumes.value()[0];
    Type java = parameter.getParameterizedType();
    JsonObjectBuilder schema =
        type.equals(MediaType.MULTIPART_FORM_DATA) || java == String.class
            ? JsonCodec.object().add("type", "object")
            : schema(java, new HashSet<>());
    return JsonCodec.object()
        .add("required", true)
        .add("content", JsonCodec.object().add(type, JsonCodec.object().add("schema", schema)));
  }

  private static JsonObjectBuilder responses(Method method) {
    Type answer = method.getGenericReturnType();
    // an answer given later is documented as the answer
    if (answer instanceof ParameterizedType later && later.getRawType() == CompletionStage.class) {
      answer = later.getActualTypeArguments()[0];
    }
    if (answer == void.class) {
      return JsonCodec.object().add("204", JsonCodec.object().add("description", "done"));
    }
    JsonObjectBuilder success = JsonCodec.object().add("description", "done");
    if (answer != Response.class) {
      Produces produces = method.getAnnotation(Produces.class);
      if (produces == null) {
        produces = method.getDeclaringClass().getAnnotation(Produces.class);
      }
      String type = produces == null ? MediaType.APPLICATION_JSON : produces.value()[0];
      success.add(
          "content",
          JsonCodec.object()
              .add(type, JsonCodec.object().add("schema", schema(answer, new HashSet<>()))));
    }
    return JsonCodec.object()
        .add("2XX", success)
        .add("4XX", JsonCodec.object().add("description", "refused: {\"message\", \"field\"}"));
  }

  /** A Java type as a JSON schema: records by their fields, lists as arrays, enums by name. */
  static JsonObjectBuilder schema(Type type, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
      if (List.class.isAssignableFrom(raw)) {
        return JsonCodec.object()
            .add("type", "array")
            .add("items", schema(generic.getActualTypeArguments()[0], seen));
      }
      return JsonCodec.object().add("type", "object");
    }
    if (!(type instanceof Class<?> java)) {
      return JsonCodec.object();
    }
    if (java == String.class || java == char.class) {
      return JsonCodec.object().add("type", "string");
    }
    if (java == Instant.class) {
      return JsonCodec.object().add("type", "string").add("format", "date-time");
    }
    if (java == boolean.class || java == Boolean.class) {
      return JsonCodec.object().add("type", "boolean");
    }
    if (java == long.class || java == Long.class) {
      return JsonCodec.object().add("type", "integer").add("format", "int64");
    }
    if (java == int.class || java == Integer.class) {
      return JsonCodec.object().add("type", "integer").add("format", "int32");
    }
    if (java.isEnum()) {
      JsonArrayBuilder names = JsonCodec.array();
      Arrays.stream(java.getEnumConstants()).forEach(constant -> names.add(constant.toString()));
      return JsonCodec.object().add("type", "string").add("enum", names);
    }
    if (java.isRecord() && seen.add(java)) {
      JsonObjectBuilder properties = JsonCodec.object();
      for (RecordComponent component : java.getRecordComponents()) {
        properties.add(component.getName(), schema(component.getGenericType(), seen));
      }
      seen.remove(java);
      return JsonCodec.object().add("type", "object").add("properties", properties);
    }
    return JsonCodec.object().add("type", "object");
  }
}
