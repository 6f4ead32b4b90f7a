/**
 * How the services' loops run: one named daemon thread per loop, started and stopped the same way everywhere. Depends
 * on the JDK only.
 */
package com.airdrops.monitoring.domain.work;
