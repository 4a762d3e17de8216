using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;

namespace FashionListing.Tests.Web.Studies;

/// <summary>Recorded sessions through the analysis, as the dashboard and the downloads show them.</summary>
public sealed class StudyReportTests
{
    private static readonly Dictionary<string, int> s_noEdits = [];

    [Fact]
    public async Task Of_OneCompleteOneSkippedOneNeverStarted_CountsExcludesAndTimesAsRecorded()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(3);

        // P001 does A in 40 s, then B in 30 s, and prefers B; P002 skips B (its first task), then does A.
        await DoTaskAsync(services, invited[0].Token, 1, TimeSpan.FromSeconds(40));
        await DoTaskAsync(services, invited[0].Token, 2, TimeSpan.FromSeconds(30));
        await services.Sessions.AnswerAsync(invited[0].Token, 4, null, null, default);
        await services.Sessions.SkipTaskAsync(invited[1].Token, 1, s_noEdits, default);
        await DoTaskAsync(services, invited[1].Token, 2, TimeSpan.FromSeconds(55));
        Study study = (await services.Studies.FindAsync(studyId, default))!;

        StudyReport report = StudyReport.Of(study);

        Assert.Equal((3, 2, 1, 1), (report.Results.Invited, report.Results.Started, report.Results.Completed,
            report.Results.Included));
        Assert.Equal("P002", Assert.Single(report.Results.Excluded).ParticipantCode);
        Assert.Equal([40.0], report.SecondsA);
        Assert.Equal([30.0], report.SecondsB);
        Assert.Equal([0, 0, 0, 1, 0], report.Results.PreferenceCounts);
    }

    [Fact]
    public async Task RowsCsv_ThreeParticipants_OneRowPerParticipantAndTask()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(3);
        await DoTaskAsync(services, invited[0].Token, 1, TimeSpan.FromSeconds(12.5));
        Study study = (await services.Studies.FindAsync(studyId, default))!;

        string[] lines = StudyReport.RowsCsv(study).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(7, lines.Length);
        Assert.StartsWith("P001,AThenB,A,1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",12.5,true,", lines[1], StringComparison.Ordinal);
    }

    private static async Task DoTaskAsync(StudyTestServices services, string token, int position, TimeSpan took)
    {
        Assert.Equal(SessionStep.Done, await services.Sessions.StartTaskAsync(token, position, default));
        services.Clock.Advance(took);
        var card = new ListingFormModel { Title = "Grey wool jumper", Condition = ItemCondition.Good, Price = 20m };
        Assert.Equal(
            SessionStep.Done,
            await services.Sessions.SubmitTaskAsync(token, position, card, s_noEdits, default));
    }
}
