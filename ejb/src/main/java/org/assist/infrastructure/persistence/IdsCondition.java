package org.assist.infrastructure.persistence;

import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * A query's condition on a list of ids, as parameter {@code :ids}: {@code = :ids} for one id,
 * {@code in :ids} for more. Hibernate keeps a query's translation to SQL only when none of its
 * parameters holds a list, so a launch on one session with one script no longer translates its
 * queries again at every call.
 */
public final class IdsCondition {
  private IdsCondition() {}

  /** The condition on {@code path} (such as {@code s.id}). */
  public static String on(String path, List<Long> ids) {
    return path + (ids.size() == 1 ? " = :ids" : " in :ids");
  }

  /** The query with {@code :ids} bound to these ids. */
  public static <T> TypedQuery<T> bind(TypedQuery<T> query, List<Long> ids) {
    return ids.size() == 1 ? query.setParameter("ids", ids.get(0)) : query.setParameter("ids", ids);
  }
}
