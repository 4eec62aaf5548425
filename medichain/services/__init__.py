"""Services mode: the seed's microservice topology (gateway, category and domain services), the
resilient client the gateway uses to reach them, and the supervisor behind `medichain up --services`."""
