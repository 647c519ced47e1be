package it.piazza.issuance.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Issuance settings ({@link IssuanceProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuanceProperties.class)
class IssuanceConfiguration {}
