namespace Wharf.Core.Naming;

/// <summary>Word lists for <see cref="NameGenerator"/>, lowercase ASCII only so every combination is a valid container name.</summary>
internal static class NameWords
{
    public static readonly string[] Adjectives =
    [
        "able", "agile", "amazing", "amused", "ardent", "awake", "balanced", "beaming", "bold", "boring",
        "brave", "bright", "brisk", "busy", "calm", "candid", "careful", "charming", "cheerful", "clever",
        "cool", "cosmic", "curious", "daring", "dazzling", "decisive", "devoted", "diligent", "dreamy", "eager",
        "earnest", "elated", "elegant", "epic", "fair", "faithful", "fearless", "fervent", "festive", "fluent",
        "focused", "friendly", "frosty", "funny", "gallant", "gentle", "gifted", "glad", "glowing", "graceful",
        "happy", "hardy", "hopeful", "humble", "jolly", "jovial", "keen", "kind", "lively", "loyal",
        "lucid", "lucky", "magical", "merry", "mellow", "mindful", "modest", "musing", "mystic", "nimble",
        "noble", "nifty", "patient", "peaceful", "placid", "playful", "plucky", "polite", "proud", "quick",
        "quiet", "radiant", "rapid", "relaxed", "resolute", "serene", "sharp", "shiny", "silly", "sleepy",
        "smart", "snappy", "sober", "solid", "spry", "stoic", "sturdy", "sunny", "swift", "tender",
        "thirsty", "tidy", "trusting", "upbeat", "valiant", "vibrant", "vigilant", "vivid", "warm", "wise",
        "witty", "youthful", "zealous", "zen",
    ];

    public static readonly string[] Surnames =
    [
        "abel", "agnesi", "alhazen", "ampere", "archimedes", "aristarchus", "avogadro", "babbage", "backus", "banach",
        "bardeen", "barton", "bell", "bernoulli", "berners", "bessel", "bhabha", "bohr", "boltzmann", "boole",
        "born", "bose", "boyle", "bragg", "brahe", "brattain", "burnell", "cantor", "cardano", "carnot",
        "carson", "cauchy", "cavendish", "cerf", "chandrasekhar", "chebyshev", "clarke", "conway", "copernicus", "coulomb",
        "cray", "crick", "curie", "darwin", "davy", "descartes", "dijkstra", "dirac", "doppler", "edison",
        "ehrenfest", "einstein", "engelbart", "erdos", "euclid", "euler", "faraday", "fermat", "fermi", "feynman",
        "fibonacci", "fleming", "fourier", "franklin", "fresnel", "galileo", "galois", "galvani", "gauss", "geiger",
        "germain", "gibbs", "godel", "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "helmholtz", "hertz",
        "hilbert", "hodgkin", "hollerith", "hooke", "hopper", "hubble", "huygens", "hypatia", "jacobi", "jemison",
        "johnson", "joule", "kahn", "kelvin", "kepler", "khwarizmi", "kilby", "knuth", "kolmogorov", "kovalevskaya",
        "lagrange", "lamarr", "lamport", "laplace", "lavoisier", "leavitt", "leibniz", "lemaitre", "liskov", "lorentz",
        "lovelace", "maxwell", "mayer", "mcclintock", "meitner", "mendel", "mendeleev", "michelson", "minsky", "mirzakhani",
        "moore", "morse", "napier", "nash", "neumann", "newton", "nightingale", "nobel", "noether", "noyce",
        "ohm", "oppenheimer", "pascal", "pasteur", "pauli", "pauling", "payne", "planck", "poincare", "poisson",
        "ptolemy", "pythagoras", "raman", "ramanujan", "rayleigh", "ritchie", "roentgen", "rubin", "russell", "rutherford",
        "sagan", "salk", "sammet", "schrodinger", "shannon", "shockley", "snyder", "sommerfeld", "stallman", "stephenson",
        "stroustrup", "sutherland", "swartz", "tesla", "thompson", "thomson", "torvalds", "turing", "vaughan", "venter",
        "volta", "wallace", "watson", "watt", "weierstrass", "wiener", "wiles", "wilkes", "wirth", "wozniak",
        "wright", "wu", "yalow", "yonath", "young", "zuse", "zwicky", "agassi", "alvarez", "anning",
        "apgar", "bartik", "berg", "black", "blackwell", "borg", "brown", "buck", "carver", "chaum",
        "clausius", "dalton", "dedekind", "diffie", "elion", "fara", "fuller", "gates", "hamming", "hellman",
    ];
}
