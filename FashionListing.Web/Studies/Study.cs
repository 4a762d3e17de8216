using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Web.Studies;

/// <summary>
/// An A/B study run by researchers: which photos participants list, how the order of the two flows is
/// assigned, the exclusion rule (frozen once the study opens) and the questionnaire.
/// </summary>
public sealed class Study
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The researcher who created it; every researcher sees every study.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? OpenedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public StudyState State { get; set; }

    /// <summary>What the participant reads before the manual listing task.</summary>
    public string InstructionsA { get; set; } = "";

    /// <summary>What the participant reads before the automated listing task.</summary>
    public string InstructionsB { get; set; } = "";

    public StudyOrderRule OrderRule { get; set; }

    /// <summary>The seed of <see cref="StudyOrderRule.SeededRandom"/>; null for alternation.</summary>
    public int? OrderSeed { get; set; }

    /// <summary>Longest accepted time of the first task in seconds; null for no limit.</summary>
    public double? MaxSecondsFirstTask { get; set; }

    /// <summary>Longest accepted time of the second task in seconds; null for no limit.</summary>
    public double? MaxSecondsSecondTask { get; set; }

    /// <summary>Whether a participant who skipped a task is left out of the analysis.</summary>
    public bool ExcludeSkipped { get; set; } = true;

    /// <summary>Whether the questionnaire asks the ten System Usability Scale items for each flow.</summary>
    public bool AskSus { get; set; }

    /// <summary>The token of the shared invitation link; null while there is none.</summary>
    public string? SharedToken { get; set; }

    /// <summary>How many participants have been invited so far; the next one gets this number as its index.</summary>
    public int ParticipantCount { get; set; }

    public List<StudyPhoto> Photos { get; set; } = [];

    public List<StudyParticipant> Participants { get; set; } = [];

    /// <summary>The rule as the analysis takes it.</summary>
    public ExclusionRule ExclusionRule => new(MaxSecondsFirstTask, MaxSecondsSecondTask, ExcludeSkipped);
}

/// <summary>Where a study stands: set up, taking participants, or finished.</summary>
public enum StudyState
{
    /// <summary>Being set up; settings and photos may change, no participant can start.</summary>
    Draft,

    /// <summary>Participants take part; the settings are frozen.</summary>
    Open,

    /// <summary>Finished: no participant can continue, the results stay.</summary>
    Closed,
}

/// <summary>How each new participant's order of the two flows is chosen.</summary>
public enum StudyOrderRule
{
    /// <summary>A then B, B then A, A then B, … in the order participants are invited.</summary>
    Alternate,

    /// <summary>
    /// Each pair of participants gets one of each order, which one first drawn from the study's seed, so that
    /// the groups stay balanced and the same seed always gives the same orders.
    /// </summary>
    SeededRandom,
}

/// <summary>A photo the participants list, stored cleaned; never part of the marketplace.</summary>
public sealed class StudyPhoto
{
    public Guid Id { get; set; }

    public Guid StudyId { get; set; }

    /// <summary>1 for the photo of the first task, 2 for the photo of the second.</summary>
    public int Position { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime StoredUtc { get; set; }
}

/// <summary>One invited participant, known only by the token in their link.</summary>
public sealed class StudyParticipant
{
    public Guid Id { get; set; }

    public Guid StudyId { get; set; }

    /// <summary>The unguessable token of the participant's link; it is their only identity.</summary>
    public string Token { get; set; } = "";

    /// <summary>A short readable code for the results, e.g. "P007".</summary>
    public string Code { get; set; } = "";

    /// <summary>The participant's number in invitation order, from 0; decides the order of the flows.</summary>
    public int Index { get; set; }

    public TaskOrder Order { get; set; }

    /// <summary>Whether the participant came through the shared link rather than a link of their own.</summary>
    public bool ViaSharedLink { get; set; }

    public DateTime InvitedUtc { get; set; }

    /// <summary>1 (strongly prefers A) to 5 (strongly prefers B); null until answered.</summary>
    public int? Preference { get; set; }

    /// <summary>The ten SUS answers about flow A, 1 to 5 each; null when not asked or not given.</summary>
    public List<int>? SusA { get; set; }

    /// <summary>The ten SUS answers about flow B.</summary>
    public List<int>? SusB { get; set; }

    public DateTime? QuestionnaireUtc { get; set; }

    public List<StudyTask> Tasks { get; set; } = [];
}

/// <summary>One of a participant's two tasks: listing the photo with flow A or B.</summary>
public sealed class StudyTask
{
    public Guid Id { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>1 = first task, 2 = second.</summary>
    public int Position { get; set; }

    public StudyFlow Flow { get; set; }

    /// <summary>When the server first showed the task's page (its instructions).</summary>
    public DateTime? OpenedUtc { get; set; }

    /// <summary>When the participant pressed "Start" and the photo and card appeared: the timing's start.</summary>
    public DateTime? StartedUtc { get; set; }

    /// <summary>When the card was submitted or the task skipped: the timing's end.</summary>
    public DateTime? EndedUtc { get; set; }

    public StudyTaskOutcome Outcome { get; set; }

    /// <summary>Edits per field of the card, by field name.</summary>
    public Dictionary<string, int> FieldEdits { get; set; } = [];

    /// <summary>Flow B: which of the model's suggestions were still on the card when it was submitted.</summary>
    public List<string> KeptSuggestions { get; set; } = [];

    /// <summary>Flow B: what the model suggested (a <c>SuggestionSnapshot</c> as JSON).</summary>
    public string? SuggestionJson { get; set; }

    /// <summary>
    /// While the task runs: the card as the participant left it and the edits counted so far (a
    /// <see cref="KeptStudyCard"/> as JSON), stored a moment after each change so that a reload of the page
    /// brings both back. Null before the first change, and again once the task has ended.
    /// </summary>
    public string? KeptCardJson { get; set; }
}

/// <summary>How a task ended.</summary>
public enum StudyTaskOutcome
{
    /// <summary>Not ended yet (perhaps not started).</summary>
    Pending,

    /// <summary>The card was submitted.</summary>
    Completed,

    /// <summary>The participant pressed "Skip".</summary>
    Skipped,
}
