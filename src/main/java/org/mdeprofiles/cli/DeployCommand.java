package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.config.ServerOptions;
import org.mdeprofiles.config.SettingsBuilder;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.deploy.DeployException;
import org.mdeprofiles.deploy.GraphApi;
import org.mdeprofiles.deploy.GraphCredentials;
import org.mdeprofiles.deploy.HttpApi;
import org.mdeprofiles.deploy.IntuneBundle;
import org.mdeprofiles.deploy.IntuneDeploy;
import org.mdeprofiles.deploy.JamfApi;
import org.mdeprofiles.deploy.JamfBundle;
import org.mdeprofiles.deploy.JamfCredentials;
import org.mdeprofiles.deploy.JamfDeploy;
import org.mdeprofiles.deploy.Plan;
import org.mdeprofiles.deploy.Step;
import org.mdeprofiles.deploy.Target;
import org.mdeprofiles.text.DidYouMean;
import org.mdeprofiles.text.Printable;

/**
 * {@code deploy}: puts a generated bundle into the MDM through its API, after a plan of what
 * changes. Secrets come from the environment, a file or a prompt, never from argv, and are never
 * printed.
 */
final class DeployCommand implements Command {
  static final String GRAPH = "https://graph.microsoft.com";
  static final String LOGIN = "https://login.microsoftonline.com";

  @Override
  public String name() {
    return "deploy";
  }

  @Override
  public String usage() {
    return "--to jamf|intune [--bundle DIR] [--plan] [--prune] [OPTIONS]";
  }

  @Override
  public String summary() {
    return "put a generated bundle into Jamf Pro or Intune through their APIs, with a plan, and no ghost profiles";
  }

  @Override
  public String footer() {
    return "exit codes: 0 applied or nothing to do, 1 --plan shows changes, 2 usage error,"
        + " 3 unreadable bundle, I/O or server error, 4 internal error";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles deploy --to jamf --url https://contoso.jamfcloud.com --client-id ID --client-secret-file secret.txt --plan",
        "mde-profiles deploy --to intune --tenant contoso.onmicrosoft.com --client-id ID --client-secret-env GRAPH_SECRET --prune");
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Cli.valued("to", "MDM", "jamf or intune"))
        .addOption(Cli.valued("bundle", "DIR", "the generated bundle (default: " + GenerateCommand.DEFAULT_OUT + ")"))
        .addOption(Cli.flag("plan", "say what would change and write nothing; exit 1 when something would"))
        .addOption(Cli.flag("prune", "also delete profiles under the bundle's prefix that the bundle no longer has"))
        .addOption(Cli.valued("config", "FILE", "config whose jamf: (url, clientId, user) or intune: (tenant,"
            + " clientId) section says where to log in"))
        .addOption(Cli.valued("url", "URL", "the Jamf Pro server, https://..."))
        .addOption(Cli.valued("client-id", "ID", "Jamf API client ID, or the Entra app's client ID"))
        .addOption(Cli.valued("client-secret-env", "NAME", "environment variable holding the client secret"))
        .addOption(Cli.valued("client-secret-file", "FILE", "file whose first line is the client secret"))
        .addOption(Cli.valued("tenant", "ID", "Intune: the Entra tenant ID or domain"))
        .addOption(Cli.valued("client-certificate", "FILE", "Intune: log in with this certificate (PKCS #12, or PEM"
            + " with the key) instead of a secret"))
        .addOption(Cli.valued("certificate-password-env", "NAME", "environment variable holding its password"))
        .addOption(Cli.valued("certificate-password-file", "FILE", "file whose first line is its password"))
        .addOption(Cli.valued("group-id", "ID", "Intune: assign every configuration to this group (repeatable)"))
        .addOption(Cli.valued("graph-url", "URL", "Intune: Microsoft Graph (default: " + GRAPH + ")"))
        .addOption(Cli.valued("login-url", "URL", "Intune: Microsoft identity (default: " + LOGIN + ")"))
        .addOption(Cli.valued("user", "NAME", "user name (login with user and password)"))
        .addOption(Cli.valued("password-env", "NAME", "environment variable holding the user's password"))
        .addOption(Cli.valued("password-file", "FILE", "file whose first line is the user's password"))
        .addOption(Cli.flag("verbose", "one stderr line per request: method, path, status, duration"));
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    String to = line.getOptionValue("to");
    if (to == null) {
      throw new UsageException("--to is required: jamf");
    }
    if (!to.equals("jamf") && !to.equals("intune")) {
      throw new UsageException("--to: '" + to + "' is not one of: jamf, intune"
          + DidYouMean.hint(to, List.of("jamf", "intune")));
    }
    Optional<ConfigFile> config = line.hasOption("config")
        ? Optional.of(ConfigFile.load(Path.of(line.getOptionValue("config")), new SettingsBuilder(), Catalog.names()))
        : Optional.empty();
    if (to.equals("intune")) {
      return intune(line, config.map(ConfigFile::intuneServer).orElse(ServerOptions.NONE), out, err);
    }
    ServerOptions server = config.map(ConfigFile::jamfServer).orElse(ServerOptions.NONE);
    String url = option(line, "url", server.url())
        .orElseThrow(() -> new UsageException("no Jamf Pro URL: give --url, or url: in the config's jamf: section"));
    JamfCredentials credentials = credentials(line, server);
    JamfBundle bundle = JamfBundle.read(Path.of(line.getOptionValue("bundle", GenerateCommand.DEFAULT_OUT)));
    try {
      return run(new JamfDeploy(new JamfApi(http(line, "url", url, err), credentials), bundle), line, out, err);
    } finally {
      java.util.Arrays.fill(credentials.secret(), '\0');
    }
  }

  private static int intune(CommandLine line, ServerOptions server, PrintStream out, PrintStream err)
      throws Exception {
    String tenant = option(line, "tenant", server.tenant())
        .orElseThrow(() -> new UsageException("no tenant: give --tenant, or tenant: in the config's intune: section"));
    String clientId = option(line, "client-id", server.clientId())
        .orElseThrow(() -> new UsageException("no app: give --client-id, or clientId: in the config's intune: section"));
    if (line.hasOption("url") || line.hasOption("user")) {
      throw new UsageException("--url and --user are for Jamf Pro; Intune takes --tenant and --client-id");
    }
    GraphCredentials credentials;
    if (line.hasOption("client-certificate")) {
      Path file = Path.of(line.getOptionValue("client-certificate"));
      char[] password = Passwords.read(line, "certificate-password-env", "certificate-password-file",
          "password for " + file);
      try {
        credentials = GraphCredentials.certificate(tenant, clientId,
            SigningIdentity.read(InputFiles.read(file), password, new java.util.Date()));
      } catch (SignatureFormatException | DeployException e) {
        throw new InputException(file.toString(), e.getMessage());
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
    } else {
      credentials = GraphCredentials.secret(tenant, clientId, secret(line, "client-secret-env", "client-secret-file",
          "secret of app " + clientId));
    }
    IntuneBundle bundle = IntuneBundle.read(Path.of(line.getOptionValue("bundle", GenerateCommand.DEFAULT_OUT)));
    String graphUrl = line.getOptionValue("graph-url", GRAPH);
    List<String> groups = line.hasOption("group-id") ? List.of(line.getOptionValues("group-id")) : List.of();
    try {
      GraphApi api = new GraphApi(http(line, "login-url", line.getOptionValue("login-url", LOGIN), err),
          http(line, "graph-url", graphUrl, err), graphUrl, credentials);
      return run(new IntuneDeploy(api, bundle, groups), line, out, err);
    } finally {
      credentials.clear();
    }
  }

  private static HttpApi http(CommandLine line, String option, String url, PrintStream err) throws UsageException {
    try {
      return new HttpApi(url, HttpApi.Patience.DEFAULT, line.hasOption("verbose") ? Optional.of(err) : Optional.empty());
    } catch (DeployException e) {
      throw new UsageException("--" + option + " " + e.getMessage());
    }
  }

  /** Plans, and without --plan applies, saying each step; the same for every target. */
  private static <P extends Plan> int run(Target<P> target, CommandLine line, PrintStream out, PrintStream err) {
    try {
      P plan = target.plan(line.hasOption("prune"));
      if (line.hasOption("plan")) {
        plan.steps().forEach(s -> out.println(planned(s)));
        err.println(summary(plan.steps(), false));
        return plan.changes() ? ExitCode.FINDINGS : ExitCode.OK;
      }
      List<Step> done = new ArrayList<>();
      plan.steps().stream().filter(s -> s.action() == Step.Action.UNCHANGED).forEach(s -> out.println(planned(s)));
      try {
        target.apply(plan, step -> {
          done.add(step);
          out.println(step.action().done() + ": " + Printable.line(step.name()) + " (id " + Printable.line(step.id()) + ")");
        });
      } catch (DeployException e) {
        // What was not applied is said, one line each: a rerun converges from there.
        plan.steps().stream().filter(s -> s.action().writes())
            .filter(s -> done.stream().noneMatch(d -> d.name().equals(s.name()) && d.action() == s.action()))
            .forEach(s -> out.println("not applied: " + s.action().word() + " " + Printable.line(s.name())));
        throw e;
      }
      plan.steps().stream().filter(s -> s.action() == Step.Action.MANUAL).forEach(s -> out.println(planned(s)));
      err.println(summary(plan.steps(), true));
      return ExitCode.OK;
    } catch (DeployException e) {
      err.println(Cli.PROGRAM + ": deploy: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }

  private static Optional<String> option(CommandLine line, String name, Optional<String> configured) {
    return line.hasOption(name) ? Optional.of(line.getOptionValue(name)) : configured;
  }

  private static JamfCredentials credentials(CommandLine line, ServerOptions server) throws Exception {
    Optional<String> clientId = option(line, "client-id", server.clientId());
    Optional<String> user = option(line, "user", server.user());
    if (clientId.isPresent() && user.isPresent()) {
      throw new UsageException("give an API client (--client-id) or a user (--user), not both");
    }
    if (clientId.isPresent()) {
      return JamfCredentials.apiClient(clientId.get(), secret(line, "client-secret-env", "client-secret-file",
          "secret of API client " + clientId.get()));
    }
    if (user.isPresent()) {
      return JamfCredentials.user(user.get(), secret(line, "password-env", "password-file",
          "Jamf Pro password of " + user.get()));
    }
    throw new UsageException("no login: give --client-id (an API client, recommended) or --user");
  }

  private static char[] secret(CommandLine line, String env, String file, String what) throws Exception {
    char[] secret = Passwords.read(line, env, file, what);
    if (secret.length == 0) {
      throw new UsageException("no " + what + ": give --" + env + " or --" + file + " (never the secret itself)");
    }
    return secret;
  }

  private static String planned(Step s) {
    String id = s.id().isEmpty() ? "" : " (id " + Printable.line(s.id()) + ")";
    String why = s.why().isEmpty() ? "" : ": " + Printable.line(s.why());
    return s.action().word() + ": " + Printable.line(s.name()) + id + why;
  }

  private static String summary(List<Step> steps, boolean applied) {
    long[] n = new long[Step.Action.values().length];
    steps.forEach(s -> n[s.action().ordinal()]++);
    return "deploy: " + n[Step.Action.CREATE.ordinal()] + " " + (applied ? "created" : "to create") + ", "
        + n[Step.Action.UPDATE.ordinal()] + " " + (applied ? "updated" : "to update") + ", "
        + n[Step.Action.DELETE.ordinal()] + " " + (applied ? "deleted" : "to delete") + ", "
        + n[Step.Action.UNCHANGED.ordinal()] + " unchanged; " + n[Step.Action.MANUAL.ordinal()]
        + " to upload in the web interface";
  }
}
