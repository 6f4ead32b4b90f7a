/**
 * The JSON forms that more than one adapter reads, already decoded into maps, lists and scalars: a component's
 * snapshot, pushed to the API or answered by a polled status URL. Depends on the JDK and the model only.
 */
package com.airdrops.monitoring.domain.wire;
