/** Flask's session example on Javalin 7 with {@link dev.flagon.javalin.FlagonPlugin}. */
package dev.flagon.example.javalin;
