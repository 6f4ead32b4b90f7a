package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void aJdbcUrlLosesItsParametersAndItsUserInfo() {
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://db:5432/m?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/m");
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://monitor:s3cret@db:5432/m"))
                .isEqualTo("jdbc:postgresql://db:5432/m");
        assertThat(Redaction.jdbcUrl("jdbc:h2:file:./data/monitoring;PASSWORD=x"))
                .isEqualTo("jdbc:h2:file:./data/monitoring");
    }

    @Test
    void everyUrlInATextLosesItsUserInfo() {
        assertThat(Redaction.urls("Connection to http://u:s3cret@db:5432/x refused"))
                .isEqualTo("Connection to http://db:5432/x refused");
    }
}
