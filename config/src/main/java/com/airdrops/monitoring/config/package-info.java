/** Typed settings read once from the environment (and, in later issues, the YAML files). */
package com.airdrops.monitoring.config;
