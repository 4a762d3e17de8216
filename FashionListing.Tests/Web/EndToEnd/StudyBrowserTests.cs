using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;
using FashionListing.Web.Studies.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// A whole study in a real browser against the app with its real starter model: a researcher sets it up with
/// a real photo and invites two people; one lists it A then B, the other B then A, both answer the preference;
/// the researcher's dashboard and CSV then show them.
/// </summary>
public sealed class StudyBrowserTests : BrowserTestHost
{
    private const string ResearcherEmail = "browser-researcher@fashionlisting.test";

    // A T-shirt photographed by one of the category head's test senders (never seen in training).
    private const string TShirtPhoto = "534cb9e4-658e-48a9-a9d9-365149ee52e8";

    [Fact]
    public async Task Study_TwoParticipantsInOppositeOrders_DashboardCountsBothAndCsvHasFourTaskRows()
    {
        string photo = SharedData.ClothingPhoto(TShirtPhoto);
        Assert.True(File.Exists(photo), $"The study test needs the shared photo {photo}.");
        await using (AsyncServiceScope scope = Factory.Services.CreateAsyncScope())
        {
            Assert.IsType<AccountCreation.Created>(await AccountSetup.CreateAccountAsync(
                scope.ServiceProvider, AccountRoles.Researcher, ResearcherEmail, AppTestHost.Password, default));
        }

        IPage researcher = await SignInAsResearcherAsync();
        IReadOnlyList<string> links = await SetUpStudyAsync(researcher, photo);

        await TakePartAsync(links[0], ["A", "B"], preference: 2);
        await TakePartAsync(links[1], ["B", "A"], preference: 4);

        // The dashboard reloads itself every few seconds; no reload of the page is needed.
        await Assertions.Expect(researcher.Locator("[data-testid=count-invited]")).ToHaveTextAsync("2");
        await Assertions.Expect(researcher.Locator("[data-testid=count-started]")).ToHaveTextAsync("2");
        await Assertions.Expect(researcher.Locator("[data-testid=count-completed]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^2 \\(100 % of invited\\)$"));
        await Assertions.Expect(researcher.Locator("[data-testid=preference-bar][data-count='1']")).ToHaveCountAsync(2);
        string screenshot = Path.Combine(Path.GetTempPath(), "fashionlisting-study.png");
        await researcher.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        string csvUrl = (await researcher.Locator("[data-testid=export-rows]").GetAttributeAsync("href"))!;
        IAPIResponse csv = await researcher.APIRequest.GetAsync(BaseUrl + csvUrl);
        string[] lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, csv.Status);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("participant,order,flow,position,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Skip(1).Count(line => line.Contains(",true,", StringComparison.Ordinal)));
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>();
        await using ListingDbContext db = await contexts.CreateDbContextAsync();
        Assert.Equal(4, await db.StudyListings.CountAsync());
        Assert.Equal(0, await db.Drafts.CountAsync());
        List<StudyTask> tasksB = await db.StudyTasks.Where(t => t.Flow == StudyFlow.B).ToListAsync();
        Assert.All(tasksB, task => Assert.Contains("Title", task.KeptSuggestions));
    }

    private async Task<IPage> SignInAsResearcherAsync()
    {
        IPage page = await NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } }, signIn: false);
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.Locator("#email").FillAsync(ResearcherEmail);
        await page.Locator("#password").FillAsync(AppTestHost.Password);
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");

        return page;
    }

    // Creates the study, adds the photo, opens it and makes two personal links; returns the links.
    private async Task<IReadOnlyList<string>> SetUpStudyAsync(IPage page, string photo)
    {
        // A full load of the form's page rather than a click on the list's link: under the load of many test
        // classes at once, the form reached by that click once never became interactive within the minute.
        await page.GotoAsync(BaseUrl + "/studies/new");
        await page.Locator("[data-testid=study-settings][data-interactive=true]").WaitForAsync();
        await page.Locator("input[data-testid=study-name]").FillAsync("T-shirt listing, browser test");
        await page.Locator("[data-testid=save-settings]").ClickAsync();
        await page.Locator("[data-testid=study-state][data-state=Draft]").WaitForAsync();
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(photo);
        await page.Locator("[data-testid=study-photo]").WaitForAsync();
        await page.Locator("[data-testid=open-study]").ClickAsync();
        await page.Locator("[data-testid=study-state][data-state=Open]").WaitForAsync();
        await page.Locator("input[data-testid=invitation-count]").FillAsync("2");
        await page.Locator("input[data-testid=invitation-count]").PressAsync("Tab");
        await page.Locator("[data-testid=make-invitations]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=invitation-link]")).ToHaveCountAsync(2);

        return await page.Locator("[data-testid=invitation-link]").AllInnerTextsAsync();
    }

    // A participant without any account opens their link, lists the photo with both flows in the given order
    // and answers the preference.
    private async Task TakePartAsync(string link, string[] flows, int preference)
    {
        IPage page = await NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } }, signIn: false);
        await page.GotoAsync(link.Trim());
        await page.Locator("[data-testid=study-session][data-interactive=true]")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached });
        foreach (string flow in flows)
        {
            await StepAsync(page, $"Listing the photo in flow {flow}", async () =>
            {
                ILocator heading = page.Locator($"[data-testid=task-heading][data-flow={flow}]");
                await heading.WaitForAsync();
                await page.Locator("[data-testid=start-task]").ClickAsync();
                ILocator title = page.Locator("input[data-testid=title]");
                await title.WaitForAsync();
                if (flow == "A")
                {
                    await title.FillAsync("White cotton T-shirt");
                    await page.Locator("input[data-testid=colour]").FillAsync("white");
                }
                else
                {
                    // Flow B's card arrives filled from the model's suggestion; the participant keeps the title.
                    await Assertions.Expect(title).Not.ToHaveValueAsync("");
                }

                await ChooseConditionAsync(page, "Good");
                await page.Locator("input[data-testid=price]").FillAsync("9.50");
                await page.Locator("input[data-testid=price]").PressAsync("Tab");
                await page.Locator("[data-testid=save]").ClickAsync();
                await heading.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            });
        }

        await StepAsync(page, "Answering the questionnaire", async () =>
        {
            await page.Locator("[data-testid=questionnaire]").WaitForAsync();
            await page.Locator($"[data-testid=preference-{preference}]").ClickAsync();
            await page.Locator("[data-testid=submit-questionnaire]").ClickAsync();
            await page.Locator("[data-testid=thanks]").WaitForAsync();
        });
    }
}
