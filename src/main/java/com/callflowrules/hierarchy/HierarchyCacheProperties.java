package com.callflowrules.hierarchy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.hierarchy-cache.*}: how many DIDs, groups, accounts and rooms each node keeps
 * per kind ({@code size}, 0 turns the cache off).
 *
 * @param size objects kept per kind; 0 turns the cache off
 */
@ConfigurationProperties("callflow.hierarchy-cache")
public record HierarchyCacheProperties(
        @DefaultValue("" + HierarchyCache.DEFAULT_SIZE) long size) {

    public HierarchyCacheProperties {
        if (size < 0) {
            throw new IllegalArgumentException("callflow.hierarchy-cache.size must not be negative, was " + size);
        }
    }
}
