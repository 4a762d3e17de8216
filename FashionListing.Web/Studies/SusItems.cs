namespace FashionListing.Web.Studies;

/// <summary>
/// The ten statements of the System Usability Scale (John Brooke, 1986; free to use), with "the system" read
/// as the listing flow being rated. Odd items are positive, even items negative, as the scoring expects.
/// </summary>
public static class SusItems
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "I think that I would like to use this way of listing frequently.",
        "I found this way of listing unnecessarily complex.",
        "I thought this way of listing was easy to use.",
        "I think that I would need the support of a technical person to be able to use this way of listing.",
        "I found the various functions in this way of listing were well integrated.",
        "I thought there was too much inconsistency in this way of listing.",
        "I would imagine that most people would learn to use this way of listing very quickly.",
        "I found this way of listing very cumbersome to use.",
        "I felt very confident using this way of listing.",
        "I needed to learn a lot of things before I could get going with this way of listing.",
    ];

    /// <summary>The five answers, 1 to 5.</summary>
    public static IReadOnlyList<string> Answers { get; } =
        ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"];
}

/// <summary>The names participants and researchers read for the two flows and the preference scale.</summary>
public static class StudyWords
{
    public static string FlowName(Analysis.StudyFlow flow) =>
        flow == Analysis.StudyFlow.A ? "Listing A (you fill in the card)" : "Listing B (the app suggests the card)";

    /// <summary>The five preference answers, 1 (strongly A) to 5 (strongly B).</summary>
    public static IReadOnlyList<string> Preferences { get; } =
    [
        "Strongly prefer A",
        "Somewhat prefer A",
        "No preference",
        "Somewhat prefer B",
        "Strongly prefer B",
    ];
}
