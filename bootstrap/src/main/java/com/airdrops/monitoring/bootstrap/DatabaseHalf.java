package com.airdrops.monitoring.bootstrap;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what belongs to the agent's database half (the store, the alert state, the lease, evaluation and delivery):
 * its parts, sources, sinks and checks, built and started once the HTTP server, the exposition and collection answer.
 */
@BindingAnnotation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface DatabaseHalf {}
