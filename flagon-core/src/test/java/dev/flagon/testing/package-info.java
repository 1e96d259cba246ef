/**
 * Shared test support, shipped in flagon-core's test-jar: the HTTP flows Flask recorded
 * ({@link dev.flagon.testing.HttpFlows}) and one runner that replays them against any integration on a real
 * server ({@link dev.flagon.testing.FlowReplay}), so every integration is held to the same contract.
 */
package dev.flagon.testing;
