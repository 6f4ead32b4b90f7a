/** The bot's components: how each is defined, what its snapshot holds, and its health. */
package com.airdrops.monitoring.domain.model.component;
