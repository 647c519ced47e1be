package it.piazza.preservation.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the preservation settings ({@code piazza.preservation}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PreservationProperties.class)
class PreservationConfiguration {}
