using Bunit;
using FashionListing.Tests.Web.Components.Pages.Sell;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;
using FashionListing.Web.Studies.Analysis;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SessionPage = FashionListing.Web.Components.Pages.Studies.StudySession;

namespace FashionListing.Tests.Web.Components.Pages.Studies;

public sealed class StudySessionTests
{
    [Fact]
    public async Task FlowB_Started_CardFilledFromTheSuggestionAndEditsCounted()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        string token = await OpenStudyWithParticipantsAsync(context, 2, participant: 1);
        var page = context.Render<SessionPage>(parameters => parameters.Add(p => p.Token, token));

        page.Find("[data-testid=start-task]").Click();
        page.WaitForState(() => page.FindAll("input[data-testid=title]").Count == 1);
        page.Find("input[data-testid=title]").Input("Burgundy top, barely worn");
        SellTests.FillConditionAndPrice(page, "Good", "12");
        page.Find("form[data-testid=listing-card]").Submit();

        page.WaitForState(() => page.Find("[data-testid=task-heading]").GetAttribute("data-flow") == "A");
        await using ListingDbContext db = context.CreateDbContext();
        StudyTask task = await db.StudyTasks.SingleAsync(t => t.Position == 1 && t.EndedUtc != null);
        Assert.Equal(StudyFlow.B, task.Flow);
        Assert.Equal(new Dictionary<string, int> { ["Title"] = 1, ["Condition"] = 1, ["Price"] = 1 }, task.FieldEdits);
        Assert.Contains("Category", task.KeptSuggestions);
        Assert.DoesNotContain("Title", task.KeptSuggestions);
        Assert.Equal(1, ((StubListingSuggester)context.Suggester).Calls);
    }

    [Fact]
    public async Task FlowB_PageReloadedMidTask_CardAndEditCountsComeBackAndAreSubmitted()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        string token = await OpenStudyWithParticipantsAsync(context, 2, participant: 1);
        var first = context.Render<SessionPage>(parameters => parameters.Add(p => p.Token, token));
        first.Find("[data-testid=start-task]").Click();
        first.WaitForState(() => first.FindAll("input[data-testid=title]").Count == 1);
        first.Find("input[data-testid=title]").Input("Burgundy top, typed before the reload");
        await WaitForKeptCardAsync(context, "typed before the reload");
        await first.Instance.DisposeAsync();

        var reloaded = context.Render<SessionPage>(parameters => parameters.Add(p => p.Token, token));
        reloaded.WaitForState(() => reloaded.FindAll("input[data-testid=title]").Count == 1);
        Assert.Equal(
            "Burgundy top, typed before the reload",
            reloaded.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Contains(
            "brought back",
            reloaded.Find("[data-testid=session-message]").TextContent,
            StringComparison.Ordinal);
        SellTests.FillConditionAndPrice(reloaded, "Good", "12");
        reloaded.Find("form[data-testid=listing-card]").Submit();

        reloaded.WaitForState(() => reloaded.Find("[data-testid=task-heading]").GetAttribute("data-flow") == "A");
        await using ListingDbContext db = context.CreateDbContext();
        StudyTask task = await db.StudyTasks.SingleAsync(t => t.Position == 1 && t.EndedUtc != null);
        Assert.Equal(new Dictionary<string, int> { ["Title"] = 1, ["Condition"] = 1, ["Price"] = 1 }, task.FieldEdits);
        Assert.Null(task.KeptCardJson);
        Assert.Equal(
            "Burgundy top, typed before the reload",
            (await db.StudyListings.SingleAsync(l => l.TaskId == task.Id)).Title);
    }

    [Fact]
    public async Task SkipBothTasks_ThenPreference_ThanksAndNothingElseToDo()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        string token = await OpenStudyWithParticipantsAsync(context, 1, participant: 0);
        var page = context.Render<SessionPage>(parameters => parameters.Add(p => p.Token, token));

        page.Find("[data-testid=skip-task]").Click();
        page.WaitForState(() => page.Find("[data-testid=task-heading]").GetAttribute("data-position") == "2");
        page.Find("[data-testid=skip-task]").Click();
        page.WaitForElement("[data-testid=questionnaire]");
        page.Find("input[data-testid=preference-3]").Click();
        page.Find("[data-testid=submit-questionnaire]").Click();

        page.WaitForElement("[data-testid=thanks]");
        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(3, (await db.StudyParticipants.SingleAsync()).Preference);
        Assert.Equal(0, await db.StudyListings.CountAsync());
    }

    // The page keeps the card a moment after the last change.
    private static Task<StudyTask> WaitForKeptCardAsync(ListingPageContext context, string text) =>
        Eventually.FoundAsync(
            async () =>
            {
                await using ListingDbContext db = context.CreateDbContext();
                StudyTask? task = await db.StudyTasks.AsNoTracking()
                    .FirstOrDefaultAsync(t => t.KeptCardJson != null && t.KeptCardJson.Contains(text));
                return (task, "no task's card holds that text");
            },
            TimeSpan.FromSeconds(10),
            "The task's card was not kept");

    private static async Task<string> OpenStudyWithParticipantsAsync(
        ListingPageContext context,
        int count,
        int participant)
    {
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var studies = context.Services.GetRequiredService<StudyService>();
        var created = (StudyOutcome.Done)await studies.CreateAsync(
            FashionListing.Tests.Web.Studies.StudyTestServices.Settings(), "researcher", default);
        await studies.AddPhotoAsync(created.StudyId, TestPhotos.Jpeg(SKColors.Navy), default);
        await studies.OpenAsync(created.StudyId, default);

        return (await studies.InviteAsync(created.StudyId, count, default))![participant].Token;
    }
}
