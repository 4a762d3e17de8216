namespace FashionListing.Web.Studies;

/// <summary>The study settings form's editable values; <see cref="StudySettings"/> checks them.</summary>
public sealed class StudySettingsInput
{
    public string? Name { get; set; }

    public string? InstructionsA { get; set; } = StudySettings.DefaultInstructionsA;

    public string? InstructionsB { get; set; } = StudySettings.DefaultInstructionsB;

    public StudyOrderRule OrderRule { get; set; } = StudyOrderRule.Alternate;

    public int? OrderSeed { get; set; }

    public double? MaxSecondsFirstTask { get; set; }

    public double? MaxSecondsSecondTask { get; set; }

    public bool ExcludeSkipped { get; set; } = true;

    public bool AskSus { get; set; }

    public StudySettings ToSettings() => new(
        Name ?? "",
        InstructionsA ?? "",
        InstructionsB ?? "",
        OrderRule,
        OrderSeed,
        MaxSecondsFirstTask,
        MaxSecondsSecondTask,
        ExcludeSkipped,
        AskSus);

    public static StudySettingsInput From(StudySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        return new StudySettingsInput
        {
            Name = settings.Name,
            InstructionsA = settings.InstructionsA,
            InstructionsB = settings.InstructionsB,
            OrderRule = settings.OrderRule,
            OrderSeed = settings.OrderSeed,
            MaxSecondsFirstTask = settings.MaxSecondsFirstTask,
            MaxSecondsSecondTask = settings.MaxSecondsSecondTask,
            ExcludeSkipped = settings.ExcludeSkipped,
            AskSus = settings.AskSus,
        };
    }
}
