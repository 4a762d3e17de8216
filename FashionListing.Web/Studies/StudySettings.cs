using System.Globalization;

namespace FashionListing.Web.Studies;

/// <summary>What a researcher sets when creating a study; all of it is frozen once the study opens.</summary>
/// <param name="Name">The study's name, as researchers see it.</param>
/// <param name="InstructionsA">What participants read before the manual listing task.</param>
/// <param name="InstructionsB">What participants read before the automated listing task.</param>
/// <param name="OrderRule">How each participant's order of the flows is chosen.</param>
/// <param name="OrderSeed">The seed of the random order; required for it, ignored for alternation.</param>
/// <param name="MaxSecondsFirstTask">The exclusion limit of the first task in seconds; null for none.</param>
/// <param name="MaxSecondsSecondTask">The exclusion limit of the second task in seconds; null for none.</param>
/// <param name="ExcludeSkipped">Whether a participant who skipped a task is excluded.</param>
/// <param name="AskSus">Whether the questionnaire has the System Usability Scale for each flow.</param>
public sealed record StudySettings(
    string Name,
    string InstructionsA,
    string InstructionsB,
    StudyOrderRule OrderRule,
    int? OrderSeed,
    double? MaxSecondsFirstTask,
    double? MaxSecondsSecondTask,
    bool ExcludeSkipped,
    bool AskSus)
{
    public const string DefaultInstructionsA =
        "List the garment in the photo by filling in the card yourself: title, category, colour, details, "
        + "description, condition and price. Submit the card when it is ready to sell.";

    public const string DefaultInstructionsB =
        "List the garment in the photo. The app looks at the photo and fills in the card for you; check and "
        + "correct it, add condition and price, and submit the card when it is ready to sell.";

    /// <summary>What is wrong with the settings, one sentence per problem; empty when they are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Give the study a name.");
        }
        else if (Name.Trim().Length > StudyLimits.NameMax)
        {
            problems.Add($"The name is {Name.Trim().Length} characters long; the limit is {StudyLimits.NameMax}.");
        }

        CheckInstructions(InstructionsA, "manual listing (A)", problems);
        CheckInstructions(InstructionsB, "automated listing (B)", problems);
        if (!Enum.IsDefined(OrderRule))
        {
            problems.Add("Choose how the order of the two listings is assigned.");
        }
        else if (OrderRule == StudyOrderRule.SeededRandom && OrderSeed is null)
        {
            problems.Add("A random order needs a seed (any whole number), so that the orders can be reproduced.");
        }

        CheckLimit(MaxSecondsFirstTask, "first", problems);
        CheckLimit(MaxSecondsSecondTask, "second", problems);

        return problems;
    }

    /// <summary>The settings as stored: trimmed, with the seed dropped for alternation.</summary>
    public StudySettings Normalised() => this with
    {
        Name = Name.Trim(),
        InstructionsA = InstructionsA.Trim(),
        InstructionsB = InstructionsB.Trim(),
        OrderSeed = OrderRule == StudyOrderRule.SeededRandom ? OrderSeed : null,
    };

    public static StudySettings Of(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);

        return new StudySettings(
            study.Name,
            study.InstructionsA,
            study.InstructionsB,
            study.OrderRule,
            study.OrderSeed,
            study.MaxSecondsFirstTask,
            study.MaxSecondsSecondTask,
            study.ExcludeSkipped,
            study.AskSus);
    }

    public void ApplyTo(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);

        study.Name = Name;
        study.InstructionsA = InstructionsA;
        study.InstructionsB = InstructionsB;
        study.OrderRule = OrderRule;
        study.OrderSeed = OrderSeed;
        study.MaxSecondsFirstTask = MaxSecondsFirstTask;
        study.MaxSecondsSecondTask = MaxSecondsSecondTask;
        study.ExcludeSkipped = ExcludeSkipped;
        study.AskSus = AskSus;
    }

    private static void CheckInstructions(string text, string task, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"Write the instructions of the {task} task.");
        }
        else if (text.Trim().Length > StudyLimits.InstructionsMax)
        {
            problems.Add(
                $"The instructions of the {task} task are {text.Trim().Length} characters long; "
                + $"the limit is {StudyLimits.InstructionsMax}.");
        }
    }

    private static void CheckLimit(double? seconds, string which, List<string> problems)
    {
        if (seconds is double limit && !(limit > 0 && limit <= StudyLimits.MaxTaskSeconds))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The time limit of the {which} task is {limit} seconds; it must be more than 0 and at most "
                + $"{StudyLimits.MaxTaskSeconds} (one day), or empty for no limit."));
        }
    }
}

/// <summary>What became of a researcher's request: done, or refused with the reasons to show.</summary>
public abstract record StudyOutcome
{
    private StudyOutcome()
    {
    }

    public sealed record Done(Guid StudyId) : StudyOutcome;

    public sealed record Refused(IReadOnlyList<string> Problems) : StudyOutcome
    {
        public Refused(string problem)
            : this([problem])
        {
        }
    }
}
