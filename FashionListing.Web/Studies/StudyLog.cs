namespace FashionListing.Web.Studies;

/// <summary>Log messages of the study pages (Razor components cannot host the logging source generator).</summary>
public static partial class StudyLog
{
    [LoggerMessage(200, LogLevel.Error, "Analysing a study photo for flow B failed")]
    public static partial void AnalysisFailed(ILogger logger, Exception exception);

    [LoggerMessage(201, LogLevel.Warning, "The study dashboard could not be refreshed")]
    public static partial void DashboardRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>A participant's questionnaire: the preference (1 to 5) and, when asked, ten SUS answers per flow.</summary>
public sealed record QuestionnaireAnswers(int Preference, IReadOnlyList<int>? SusA, IReadOnlyList<int>? SusB);
