/**
 * Test support for applications using Flagon: {@link dev.flagon.test.FlagonTestSessions} makes session
 * cookies for MockMvc, WebTestClient or plain HTTP tests, with the application's own session interface.
 */
package dev.flagon.test;
