/**
 * Test support for applications using the Flagon starter: {@link dev.flagon.spring.test.FlagonTestSessions}
 * makes signed session cookies for MockMvc, WebTestClient or plain HTTP tests. It only signs cookies with the
 * application's own {@link dev.flagon.Flagon}, so it ships in the starter rather than a separate artifact.
 */
package dev.flagon.spring.test;
