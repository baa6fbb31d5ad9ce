package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.search.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes a realistic synthetic catalog and query mix from a seeded {@link Random}: a few hundred
 * domain words drawn with a Zipf-like skew, titles, descriptions of 10-30 words, 2-5 tags, 1-6
 * capabilities (mostly tools) with descriptions, mixed health and a few deprecated or deleted
 * entries.
 */
public final class CatalogGenerator {

  static final String[] WORDS =
      ("weather forecast temperature rain wind humidity storm climate alert radar snow sunrise "
              + "map maps location geocode geocoding address route routing directions distance place places "
              + "coordinates latitude longitude elevation traffic transit train bus flight airport hotel travel "
              + "github gitlab repository repositories issue issues pull request commit branch merge review "
              + "code search index query database sql postgres postgresql mysql sqlite mongodb redis table "
              + "tables schema row rows column migration backup replica cache key value store storage bucket "
              + "file files folder document documents pdf spreadsheet csv json xml yaml markdown text note notes "
              + "email mail inbox message messages chat slack discord teams channel thread notification "
              + "calendar event events meeting schedule reminder task tasks todo project projects ticket jira "
              + "invoice payment payments stripe billing subscription customer customers order orders shop "
              + "product products inventory price prices stock stocks market crypto bitcoin exchange currency "
              + "news article articles feed rss blog post posts social twitter video videos youtube audio "
              + "music podcast image images photo photos screenshot browser web page pages scrape crawl url "
              + "link links http api rest graphql webhook endpoint server servers cloud aws lambda s3 "
              + "kubernetes docker container containers cluster deploy deployment pipeline build test tests "
              + "log logs metric metrics monitor monitoring trace tracing incident alerting uptime health status "
              + "security secret secrets token auth oauth login user users account accounts permission role "
              + "translate translation language dictionary summary summarize embedding vector vectors model "
              + "models prompt llm agent agents memory knowledge graph wiki notion confluence drive dropbox "
              + "analytics report reports dashboard chart charts statistics data dataset datasets pandas "
              + "science research paper papers arxiv math calculator unit convert conversion time timezone "
              + "date clock weather-station recipe recipes food restaurant restaurants movie movies book books "
              + "library sports score scores game games health-check fitness medical patient doctor legal "
              + "contract law tax accounting crm sales lead leads marketing campaign seo ads analytics-suite "
              + "home smart device devices sensor sensors iot light lights thermostat energy power solar "
              + "vehicle car fleet shipping package tracking delivery logistics warehouse supplier zurich "
              + "munchen sao-paulo cafe resume job jobs hiring interview education course courses quiz")
          .split(" ");

  static final String[] VERBS =
      ("get list create update delete search find fetch run query send read "
              + "write upload download convert translate summarize track check start stop sync export import")
          .split(" ");

  static final String[] FILLER =
      ("the a for and with of to in from on by your any all new fast simple "
              + "open official community lightweight reliable")
          .split(" ");

  static final String[] OWNERS =
      ("acme contoso initech globex umbrella hooli stark wayne wonka cyberdyne "
              + "tyrell soylent oscorp vandelay dunder aperture blackmesa gringotts monsters pied")
          .split(" ");

  private final Random random;
  private final String[] vocabulary;

  /**
   * @param seed the seed, the same catalog for the same seed
   */
  public CatalogGenerator(long seed) {
    this.random = new Random(seed);
    List<String> shuffled = new ArrayList<>(List.of(WORDS));
    java.util.Collections.shuffle(shuffled, random);
    this.vocabulary = shuffled.toArray(String[]::new);
  }

  /**
   * @param count how many entries
   * @return entries with distinct names
   */
  public List<ServerEntry> entries(int count) {
    List<ServerEntry> out = new ArrayList<>(count);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      String a = word();
      String b = word();
      String name = "io.github." + OWNERS[random.nextInt(OWNERS.length)] + i + "/" + a + "-" + b;
      String title = capitalize(a) + " " + capitalize(b) + (random.nextBoolean() ? " Server" : "");
      List<String> tags = new ArrayList<>();
      for (int t = 2 + random.nextInt(4); t > 0; t--) {
        tags.add(word());
      }
      List<Capability> caps = new ArrayList<>();
      for (int c = 1 + random.nextInt(6); c > 0; c--) {
        boolean resource = random.nextInt(5) == 0;
        String capName =
            resource ? word() + "_" + word() : VERBS[random.nextInt(VERBS.length)] + "_" + word();
        caps.add(
            new Capability(
                capName,
                resource ? Capability.RESOURCE : Capability.TOOL,
                sentence(6 + random.nextInt(10))));
      }
      int h = random.nextInt(10);
      HealthStatus health =
          h < 8 ? HealthStatus.HEALTHY : h == 8 ? HealthStatus.UNHEALTHY : HealthStatus.UNKNOWN;
      int s = random.nextInt(100);
      LifecycleStatus status =
          s == 0
              ? LifecycleStatus.DELETED
              : s < 3 ? LifecycleStatus.DEPRECATED : LifecycleStatus.ACTIVE;
      Instant updated = base.plusSeconds(random.nextInt(30_000_000));
      String description = sentence(10 + random.nextInt(21));
      out.add(
          ServerEntry.builder(name, title, "1." + random.nextInt(10) + ".0")
              .description(description)
              .remotes(
                  List.of(
                      new Remote(
                          Remote.STREAMABLE_HTTP,
                          "https://" + a + "-" + b + i + ".example.com/mcp",
                          null)))
              .tags(tags)
              .capabilities(caps)
              .health(new Health(health, updated, 40L, "2025-06-18", 0, null))
              .status(status)
              .publishedAt(base)
              .updatedAt(updated)
              .revision(1)
              .build());
    }
    return out;
  }

  /**
   * @param count how many queries
   * @return a mix of 1-3 word queries, some ending in a prefix, some with filters, a few without
   *     text
   */
  public List<SearchQuery> queries(int count) {
    List<SearchQuery> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(100);
      StringBuilder text = new StringBuilder();
      if (kind >= 5) {
        int words = 1 + random.nextInt(3);
        for (int w = 0; w < words; w++) {
          String word = word();
          if (w == words - 1 && random.nextInt(10) < 3 && word.length() > 3) {
            word = word.substring(0, 2 + random.nextInt(word.length() - 3));
          }
          text.append(w == 0 ? "" : " ").append(random.nextInt(4) == 0 ? capitalize(word) : word);
        }
      }
      List<String> tags = random.nextInt(5) == 0 ? List.of(word(), word()) : List.of();
      String type = random.nextInt(10) == 0 ? (random.nextBoolean() ? "tool" : "resource") : null;
      String health = random.nextInt(10) == 0 ? "healthy" : null;
      int offset = random.nextInt(10) == 0 ? 20 : 0;
      out.add(
          new SearchQuery(
              text.toString(), tags, type, health, random.nextInt(10) == 0, offset, 20));
    }
    return out;
  }

  /** A word with a skew: the first words of the shuffled vocabulary are much more frequent. */
  private String word() {
    int i = (int) (vocabulary.length * Math.pow(random.nextDouble(), 1.5));
    return vocabulary[Math.min(i, vocabulary.length - 1)];
  }

  private String sentence(int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = random.nextInt(4) == 0 ? FILLER[random.nextInt(FILLER.length)] : word();
      sb.append(w == 0 ? capitalize(word) : word).append(w == words - 1 ? "." : " ");
    }
    return sb.toString();
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
