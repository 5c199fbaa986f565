/**
 * The domain model: JPA entities with their behaviour, one package per feature. Nothing here knows
 * about pages, REST or messaging.
 */
package org.assist.domain;
