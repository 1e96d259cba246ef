/**
 * The {@code flagon} command line: {@code secret}, {@code encode}, {@code verify} and {@code decode} for
 * Flask session cookies. Only {@link dev.flagon.cli.FlagonCli} is public; everything else is an
 * implementation detail of the commands.
 */
package dev.flagon.cli;
