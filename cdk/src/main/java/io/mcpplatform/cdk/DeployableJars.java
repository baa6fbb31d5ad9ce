package io.mcpplatform.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Complete or nothing: before a stack is built, every function it deploys must have its jar, built
 * after the last change to the sources it is made of (its module and the project modules it depends
 * on, found through their {@code pom.xml}, and the parent {@code pom.xml}). A stack is never
 * synthesized without a function it was asked to deploy, so {@code cdk deploy} cannot delete a
 * running function because a jar was not built.
 */
public final class DeployableJars {

  /** The build the messages point to, run at the repository root. */
  static final String BUILD_COMMAND = "mvn -B package -DskipTests -pl %s -am";

  private static final Pattern PROJECT_DEPENDENCY =
      Pattern.compile(
          "<dependency>(?:\\s|<!--.*?-->)*<groupId>io\\.mcpplatform</groupId>\\s*<artifactId>([a-z0-9-]+)</artifactId>",
          Pattern.DOTALL);

  private DeployableJars() {}

  /**
   * @param repoRoot the repository root
   * @param functions the functions the stack deploys
   * @throws MissingArtifactException naming each missing or stale jar and the command that builds
   *     them
   */
  public static void check(Path repoRoot, Set<PlatformFunction> functions) {
    List<String> problems = new ArrayList<>();
    List<PlatformFunction> toBuild = new ArrayList<>();
    for (PlatformFunction f : PlatformFunction.values()) {
      if (!functions.contains(f)) {
        continue;
      }
      problem(repoRoot, f)
          .ifPresent(
              p -> {
                problems.add(p);
                toBuild.add(f);
              });
    }
    if (!problems.isEmpty()) {
      String modules =
          toBuild.stream().map(f -> "functions/" + f.id()).collect(Collectors.joining(","));
      throw new MissingArtifactException(
          "Cannot synthesize a complete stack:\n  - "
              + String.join("\n  - ", problems)
              + "\nBuild them at the repository root with:\n  "
              + BUILD_COMMAND.formatted(modules)
              + "\nthen run cdk again. (To deploy without a function, say so: -c functions=registry,health-checker.)");
    }
  }

  /**
   * @param repoRoot the repository root
   * @param f a function
   * @return why its jar cannot be deployed, or empty when it can
   */
  static Optional<String> problem(Path repoRoot, PlatformFunction f) {
    Path jar = repoRoot.resolve(f.jar()).normalize();
    if (!Files.isRegularFile(jar)) {
      return Optional.of(f.id() + ": " + f.jar() + " does not exist");
    }
    FileTime built = modified(jar);
    for (Path module : modulesOf(repoRoot, f)) {
      Optional<Path> newer = newestSource(module).filter(s -> modified(s).compareTo(built) > 0);
      if (newer.isPresent()) {
        return Optional.of(
            f.id()
                + ": "
                + f.jar()
                + " is older than its sources ("
                + repoRoot.relativize(newer.get())
                + " changed after it was built)");
      }
    }
    return Optional.empty();
  }

  /**
   * @return the function's module, the project modules it depends on (transitively), and the root
   */
  private static Set<Path> modulesOf(Path repoRoot, PlatformFunction f) {
    Set<Path> modules = new LinkedHashSet<>();
    List<Path> pending = new ArrayList<>(List.of(repoRoot.resolve("functions").resolve(f.id())));
    while (!pending.isEmpty()) {
      Path module = pending.remove(pending.size() - 1);
      if (!modules.add(module)) {
        continue;
      }
      Path pom = module.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      Matcher m = PROJECT_DEPENDENCY.matcher(read(pom));
      while (m.find()) {
        Path dependency = repoRoot.resolve("functions").resolve(m.group(1));
        if (Files.isDirectory(dependency)) {
          pending.add(dependency);
        }
      }
    }
    modules.add(repoRoot);
    return modules;
  }

  /**
   * @return the most recently changed of the module's pom and main sources (the root: its pom only)
   */
  private static Optional<Path> newestSource(Path module) {
    List<Path> candidates = new ArrayList<>();
    Path pom = module.resolve("pom.xml");
    if (Files.isRegularFile(pom)) {
      candidates.add(pom);
    }
    Path main = module.resolve("src").resolve("main");
    if (Files.isDirectory(main)) {
      try (Stream<Path> files = Files.walk(main)) {
        files.filter(Files::isRegularFile).forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream().max(Comparator.comparing(DeployableJars::modified));
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A function's deployable jar is missing or older than its sources. */
  public static final class MissingArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingArtifactException(String message) {
      super(message);
    }
  }
}
