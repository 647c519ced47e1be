package it.piazza.bench;

import it.piazza.identity.FiscalCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthetic city for benchmarks: people with valid fiscal codes (DM 23/12/1976, check character included) and
 * their applications to the shipped services, spread over the current year. Everything is derived from indexes, so
 * the same scale always gives the same city and any row can be generated again without keeping the others.
 */
final class SyntheticCity {

  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final String SUBJECT_PREFIX = "bench-";

  /** Family names with distinct three-letter codes, so that names, birth date and place make a code unique. */
  private static final String[] FAMILY = {"Rossi", "Bianchi", "Colombo", "Ferrari", "Esposito", "Ricci", "Marino",
      "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
      "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
      "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi",
      "Villa", "Fabbri"};
  /** Given names; the second half are women's (day of birth + 40 in the code). */
  private static final String[] MEN = {"Marco", "Luca", "Giuseppe", "Andrea", "Francesco", "Alessandro", "Matteo",
      "Lorenzo", "Davide", "Simone", "Paolo", "Stefano", "Roberto", "Giovanni", "Antonio", "Fabio", "Riccardo",
      "Emanuele", "Pietro", "Tommaso"};
  private static final String[] WOMEN = {"Giulia", "Sofia", "Chiara", "Francesca", "Sara", "Anna", "Laura",
      "Martina", "Elena", "Valentina", "Alessia", "Federica", "Silvia", "Paola", "Marta", "Ilaria", "Beatrice",
      "Camilla", "Aurora", "Elisa"};
  private static final String[] PLACES = {"F205", "L219", "B157", "F704", "D969", "A794", "L682", "E507"};
  private static final String MONTHS = "ABCDEHLMPRST";
  private static final LocalDate FIRST_BIRTH = LocalDate.of(1938, 1, 1);

  private static final String[] FAMILY_NAMES;
  private static final String[] FAMILY_CODES;
  private static final String[] GIVEN_NAMES;
  private static final String[] GIVEN_CODES;
  private static final boolean[] GIVEN_FEMALE;
  private static final int BIRTH_DAYS;

  static {
    Map<String, String> families = new LinkedHashMap<>(); // code -> first name with it
    for (String family : FAMILY) {
      families.putIfAbsent(FiscalCode.compute(family, "Anna", LocalDate.of(1980, 1, 1), false, "F205").value()
          .substring(0, 3), family);
    }
    FAMILY_CODES = families.keySet().toArray(String[]::new);
    FAMILY_NAMES = families.values().toArray(String[]::new);
    List<String> names = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<Boolean> female = new ArrayList<>();
    for (String[] list : new String[][] {MEN, WOMEN}) {
      for (String name : list) {
        String code = FiscalCode.compute("Rossi", name, LocalDate.of(1980, 1, 1), false, "F205").value()
            .substring(3, 6);
        if (!codes.contains(code)) {
          names.add(name);
          codes.add(code);
          female.add(list == WOMEN);
        }
      }
    }
    GIVEN_NAMES = names.toArray(String[]::new);
    GIVEN_CODES = codes.toArray(String[]::new);
    GIVEN_FEMALE = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      GIVEN_FEMALE[i] = female.get(i);
    }
    // A prime number of birth days (1938-2007), so that a multiplication scatters people over them one to one.
    int days = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LocalDate.of(2008, 1, 1));
    while (!java.math.BigInteger.valueOf(days).isProbablePrime(30)) {
      days--;
    }
    BIRTH_DAYS = days;
  }

  /** How many distinct people the generator can make. */
  static final long CAPACITY = (long) FAMILY_NAMES.length * GIVEN_NAMES.length * BIRTH_DAYS * PLACES.length;

  record Person(long index, String fiscalCode, String givenName, String familyName) {
    String name() {
      return givenName + " " + familyName;
    }

    String subject() {
      return SUBJECT_PREFIX + fiscalCode.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A shipped service as the generator uses it. */
  record Service(String id, int version, String workflow, String office, int termDays, boolean tacitApproval,
                 String title, String exampleData, int weight) {}

  /** A comune of the city and its share of the people and cases. */
  record Comune(String tenant, long firstPerson, long people, long cases) {}

  /** One application with its protocol registration and history. */
  record Case(UUID id, Comune comune, long number, Service service, Person applicant, Instant submittedAt,
              LocalDate filedOn, String status, LocalDate decidedOn) {
    boolean open() {
      return status.equals("registered") || status.equals("in-progress");
    }

    LocalDate dueDate() {
      return filedOn.plusDays(service.termDays());
    }

    String protocolNumber() {
      return filedOn.getYear() + "/" + String.format("%07d", number);
    }
  }

  private final List<Comune> comuni;
  private final List<Service> services;
  private final int totalWeight;
  private final Instant yearStart;
  private final Instant until;
  private final LocalDate today;

  /**
   * @param people people (and as many cases) in all, shared by the comuni in proportion to {@code shares}
   * @param now    the moment the data is generated for: cases are filed between 1 January and an hour before
   */
  SyntheticCity(long people, Map<String, Double> shares, Instant now) {
    if (people < 1 || people > CAPACITY) {
      throw new IllegalArgumentException("people must be between 1 and " + CAPACITY);
    }
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Comune> list = new ArrayList<>();
    long first = 0;
    int i = 0;
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      long count = ++i == shares.size() ? people - first : Math.max(1, Math.round(people * share.getValue() / total));
      list.add(new Comune(share.getKey(), first, count, count));
      first += count;
    }
    this.comuni = List.copyOf(list);
    this.services = loadServices();
    this.totalWeight = services.stream().mapToInt(Service::weight).sum();
    this.today = LocalDate.ofInstant(now, ITALY);
    this.yearStart = today.withDayOfYear(1).atStartOfDay(ITALY).toInstant();
    this.until = now.minus(1, ChronoUnit.HOURS);
  }

  static Map<String, Double> shares(String spec) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split(":");
      shares.put(kv[0].strip(), kv.length > 1 ? Double.parseDouble(kv[1]) : 1.0);
    }
    return shares;
  }

  List<Comune> comuni() {
    return comuni;
  }

  List<Service> services() {
    return services;
  }

  LocalDate today() {
    return today;
  }

  /** The person with this index: names, birth date and place spread so that no two share a fiscal code. */
  static Person person(long index) {
    int names = FAMILY_NAMES.length * GIVEN_NAMES.length;
    int family = (int) (index % FAMILY_NAMES.length);
    int given = (int) (index / FAMILY_NAMES.length % GIVEN_NAMES.length);
    long rest = index / names;
    int day = (int) ((rest % BIRTH_DAYS) * 7919 % BIRTH_DAYS);
    int place = (int) (rest / BIRTH_DAYS % PLACES.length);
    LocalDate birth = FIRST_BIRTH.plusDays(day);
    String first15 = FAMILY_CODES[family] + GIVEN_CODES[given]
        + String.format("%02d", birth.getYear() % 100) + MONTHS.charAt(birth.getMonthValue() - 1)
        + String.format("%02d", birth.getDayOfMonth() + (GIVEN_FEMALE[given] ? 40 : 0)) + PLACES[place];
    return new Person(index, first15 + FiscalCode.checkCharacter(first15), GIVEN_NAMES[given], FAMILY_NAMES[family]);
  }

  /** The k-th case of a comune (0 = the oldest); protocol number k + 1 of the current year. */
  Case caseOf(Comune comune, long k) {
    long seed = mix(comune.tenant().hashCode() * 1_000_003L + k);
    Person applicant = person(comune.firstPerson() + Math.floorMod(seed, comune.people()));
    Service service = serviceFor(mix(seed));
    long span = until.toEpochMilli() - yearStart.toEpochMilli();
    Instant at = Instant.ofEpochMilli(yearStart.toEpochMilli() + (long) ((k + 0.5) * span / comune.cases()))
        .truncatedTo(ChronoUnit.MICROS);
    LocalDate filedOn = LocalDate.ofInstant(at, ITALY);
    double age = 1.0 - (double) k / comune.cases(); // 0 = newest
    int dice = (int) Math.floorMod(mix(seed + 7), 100);
    String status;
    LocalDate decidedOn = null;
    if (age < 0.2) {
      status = dice < 70 ? "registered" : "in-progress";
      if (service.tacitApproval() && !filedOn.plusDays(service.termDays()).isAfter(today.minusDays(1))) {
        status = "approved"; // silence approved it (L. 241/1990 art. 20): the sweeper would have done so
        decidedOn = filedOn.plusDays(service.termDays());
      }
    } else {
      status = service.workflow().equals("scia") ? (dice < 90 ? "closed" : "withdrawn")
          : dice < 65 ? "approved" : dice < 73 ? "rejected" : dice < 95 ? "closed" : "withdrawn";
      long days = Math.min(ChronoUnit.DAYS.between(filedOn, today), 1 + Math.floorMod(seed, service.termDays()));
      decidedOn = filedOn.plusDays(Math.max(0, days));
    }
    UUID id = UUID.nameUUIDFromBytes((comune.tenant() + "/" + k).getBytes(StandardCharsets.UTF_8));
    return new Case(id, comune, k + 1, service, applicant, at, filedOn, status, decidedOn);
  }

  private Service serviceFor(long seed) {
    int pick = (int) Math.floorMod(seed, totalWeight);
    for (Service s : services) {
      pick -= s.weight();
      if (pick < 0) {
        return s;
      }
    }
    return services.getLast();
  }

  /** SplitMix64's finaliser: a cheap, well-spread hash of an index. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The shipped services, with their first example as form data; certificates and schools weigh most. */
  private static List<Service> loadServices() {
    JsonMapper json = JsonMapper.builder().build();
    List<Service> list = new ArrayList<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/services/*.json");
      for (Resource file : files) {
        JsonNode d = json.readTree(file.getContentAsString(StandardCharsets.UTF_8));
        JsonNode examples = d.path("form").path("examples");
        String id = d.get("id").asString();
        int weight = switch (id) {
          case "registry-certificate" -> 20;
          case "school-canteen-enrolment", "school-bus", "nursery-enrolment", "summer-camps" -> 8;
          case "change-of-residence", "id-card-appointment", "tari-declaration" -> 6;
          default -> 2;
        };
        list.add(new Service(id, d.get("version").asInt(), d.path("workflow").asString("default"),
            d.get("office").asString(), d.path("legalDeadlineDays").asInt(30), d.path("tacitApproval").asBoolean(false),
            d.path("title").path("it").asString(id),
            examples.isArray() && !examples.isEmpty() ? json.writeValueAsString(examples.get(0)) : "{}", weight));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (list.isEmpty()) {
      throw new IllegalStateException("no service definitions on the class path (catalog/services)");
    }
    list.sort(java.util.Comparator.comparing(Service::id));
    return List.copyOf(list);
  }
}
