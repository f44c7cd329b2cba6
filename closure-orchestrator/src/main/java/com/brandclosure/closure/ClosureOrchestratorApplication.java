package com.brandclosure.closure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClosureOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClosureOrchestratorApplication.class, args);
    }
}
