package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * However a key lands on the command line (glued to an option name, after a mistyped option, as a stray
 * argument or an unknown command, quoted, or as an option's value), for every command, nothing printed
 * repeats it, nor any 16 characters of it. Mistakes exit 2 (help and version requests, {@code flagon
 * help ...} included, print their text and may exit 0); a key given as a value exits as the command
 * decides. Keys are random (edge cases such as 32 underscores are no key, and no guard tells them from
 * a file name); each run builds the whole picocli model, hence the modest number of tries.
 */
class KeyNeverEchoedPropertyTest {
  private static final String HEX_KEY = "00112233445566778899aabbccddeeff";
  private static final String COOKIE = flagon("encode", "--secret-hex", HEX_KEY, "--timestamp", "1700000000",
      "--json", "{\"user_id\":12345}").run().line();
  /** Every option name of every command, from the CLI's own model. */
  private static final List<String> OPTIONS = optionNames();
  private static final List<String> COMMANDS = List.of("", "secret", "encode", "verify", "decode", "help");
  private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");
  private static final int WINDOW = 16;

  /** What a mistake looks like: the arguments it adds, and whether it may be a help request. */
  record Mistake(List<String> args, boolean mayAskForHelp) {}

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void mistake_withKeyAnywhere_exits2AndNeverPrintsTheKey(
      @ForAll("keys") String key, @ForAll("commands") String command, @ForAll("mistakes") Mistake mistake,
      @ForAll("positions") int position) {
    List<String> args = insert(command, filled(mistake.args(), key), position);

    Cli.Result result = flagon(args.toArray(String[]::new)).run();

    assertNotShown(key, result, args);
    boolean mayAskForHelp = mistake.mayAskForHelp() || command.equals("help");
    assertThat(result.exit()).as(args + "\n" + result.err()).isIn(mayAskForHelp ? Set.of(0, 2) : Set.of(2));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void optionValue_key_isNeverPrinted(
      @ForAll("keys") String key, @ForAll("commands") String command, @ForAll("valueForms") List<String> form,
      @ForAll("positions") int position) {
    List<String> args = insert(command, filled(form, key), position);

    Cli.Result result = flagon(args.toArray(String[]::new)).run();

    assertNotShown(key, result, args);
    assertThat(result.exit()).as(args + "\n" + result.err()).isIn(0, 1, 2);
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void cookieArgument_keyInAPastedHeader_isNeverPrinted(
      @ForAll("keys") String key, @ForAll("cookieForms") String form, @ForAll boolean verify) {
    String cookie = form.replace("KEY", key).replace("COOKIE", COOKIE);
    String[] args = verify
        ? new String[] {"verify", "--secret-hex", HEX_KEY, "--now", "1700000000", cookie}
        : new String[] {"decode", cookie};

    Cli.Result result = flagon(args).run();

    assertNotShown(key, result, List.of(args));
    assertThat(result.exit()).isIn(0, 1);
  }

  private static void assertNotShown(String key, Cli.Result result, List<String> args) {
    String printed = (result.out() + result.err()).toLowerCase(Locale.ROOT);
    String lowerKey = key.toLowerCase(Locale.ROOT);
    for (int i = 0; i + WINDOW <= lowerKey.length(); i++) {
      String piece = lowerKey.substring(i, i + WINDOW);
      assertThat(printed).as("output of %s", args).doesNotContain(piece);
    }
  }

  @Provide
  Arbitrary<String> keys() {
    String base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    Arbitrary<String> keys = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(32).ofMaxLength(128),
        Arbitraries.strings().withChars("0123456789ABCDEF").ofMinLength(32).ofMaxLength(128),
        Arbitraries.strings().withChars(base64Url).ofMinLength(32).ofMaxLength(88),
        Arbitraries.strings().withChars(base64Url.replace("-_", "+/")).ofMinLength(32).ofMaxLength(88)
            .map(text -> text + "="),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(24).ofMaxLength(64));
    // A leading '-' reads as an option (a cluster of short ones, say -h); KeyNeverEchoedTest has those.
    return keys.filter(key -> !key.startsWith("-"));
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.of(COMMANDS);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 8);
  }

  /** KEY stands for the key. */
  @Provide
  Arbitrary<Mistake> mistakes() {
    Arbitrary<String> option = Arbitraries.of(OPTIONS);
    Arbitrary<Mistake> glued = Combinators.combine(option, Arbitraries.of("", ":", " ", "'", "\""))
        .as((name, glue) -> new Mistake(List.of(name + glue + "KEY"), HELP_OPTIONS.contains(name)));
    Arbitrary<Mistake> afterUnknownOption = Arbitraries.of("-x", "-k", "--secret-hx", "--sekret-hex", "--secret",
        "--key", "--fallback").map(name -> new Mistake(List.of(name, "KEY"), false));
    Arbitrary<Mistake> stray = Arbitraries.of("KEY", "'KEY'", "\"KEY\"", "KEY KEY", "@KEY", "=KEY")
        .map(arg -> new Mistake(List.of(arg), false));
    Arbitrary<Mistake> unknownCommand = Arbitraries.of(COMMANDS).filter(c -> !c.isEmpty())
        .map(name -> new Mistake(List.of(name + "KEY"), false));
    return Arbitraries.oneOf(glued, afterUnknownOption, stray, unknownCommand);
  }

  /** An option with the key as its value, written every way picocli accepts. */
  @Provide
  Arbitrary<List<String>> valueForms() {
    Arbitrary<String> option = Arbitraries.of(OPTIONS).filter(name -> !HELP_OPTIONS.contains(name));
    return Combinators.combine(option, Arbitraries.of(0, 1, 2)).as((name, form) -> switch (form) {
      case 0 -> List.of(name, "KEY");
      case 1 -> List.of(name + "=KEY");
      default -> List.of(name + "='KEY'");
    });
  }

  @Provide
  Arbitrary<String> cookieForms() {
    return Arbitraries.of("session=KEY", "a=KEY; session=COOKIE", "session=COOKIE; a=KEY", "KEY=COOKIE",
        "Cookie: session=KEY", "x=1; session=\"KEY\"");
  }

  /** The complete, valid command line of a command, with the mistake's arguments at a boundary. */
  private static List<String> insert(String command, List<String> extra, int position) {
    List<List<String>> groups = new ArrayList<>(switch (command) {
      case "" -> List.<List<String>>of();
      case "encode" -> List.of(List.of("--secret-hex", HEX_KEY), List.of("--json", "{}"));
      case "verify" -> List.of(List.of("--secret-hex", HEX_KEY), List.of("--now", "1700000000"), List.of(COOKIE));
      case "decode" -> List.of(List.of(COOKIE));
      default -> List.<List<String>>of();
    });
    groups.add(Math.min(position, groups.size()), extra);
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    groups.forEach(args::addAll);
    return args;
  }

  private static List<String> filled(List<String> template, String key) {
    return template.stream().map(arg -> arg.replace("KEY", key)).toList();
  }

  private static List<String> optionNames() {
    CliContext context = new CliContext(Map.of(), InputStream.nullInputStream(), System.out, System.err,
        Clock.systemUTC());
    return List.copyOf(ParseErrors.knownOptionNames(FlagonCli.commandLine(context)));
  }
}
