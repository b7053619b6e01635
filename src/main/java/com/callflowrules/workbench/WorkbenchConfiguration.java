package com.callflowrules.workbench;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the workbench's files from {@code classpath:/callflow-workbench/}: a location of the
 * service's own, not {@code static/}, so an application that embeds the engine as a library
 * never serves them.
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchConfiguration implements WebMvcConfigurer {

    /** Where the page is, for the security rules and the docs. */
    static final String PATH = "/workbench/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/callflow-workbench/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/workbench", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }
}
