using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// A listing's whole review in a real browser, with the real starter model: a seller submits a real photo's
/// listing, a moderator in a second browser context rejects it by keyboard, the seller fixes it and submits
/// again, the moderator approves it by keyboard, and the seller sees it approved.
/// </summary>
public sealed class ListingReviewBrowserTests : BrowserTestHost
{
    private const string ModeratorEmail = "browser-moderator@fashionlisting.test";

    // A T-shirt photographed by one of the category head's test senders (never seen in training).
    private const string TShirtPhoto = "534cb9e4-658e-48a9-a9d9-365149ee52e8";

    // Typed key by key into the note: its a, n and r must not approve, skip or reopen anything.
    private const string Note = "Pick the category that names this garment, and the rest can stay.";

    [Fact]
    public async Task Review_RejectedByKeyboardFixedAndResubmittedThenApprovedByKeyboard_SellerSeesEachOutcome()
    {
        await CreateModeratorAsync();
        var size = new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } };
        IPage seller = await NewPageAsync(size);
        IPage moderator = await NewPageAsync(size, email: ModeratorEmail);

        // The seller analyses a real photo, saves, then submits.
        await seller.GotoAsync(BaseUrl + "/sell");
        await seller.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();
        await seller.Locator("input[type=file]").SetInputFilesAsync(SharedData.ClothingPhoto(TShirtPhoto));
        await seller.Locator("[data-testid=suggestions]").WaitForAsync();
        string suggestedCategory = await seller.Locator("input[data-testid=category]").InputValueAsync();
        await ChooseConditionAsync(seller, "Like new");
        await seller.Locator("input[data-testid=price]").FillAsync("12.50");
        await seller.Locator("input[data-testid=price]").PressAsync("Tab");
        await seller.Locator("[data-testid=save]").ClickAsync();
        await seller.Locator("[data-testid=saved]").WaitForAsync();
        await seller.Locator("[data-testid=submit-for-review]").ClickAsync();
        await seller.Locator("[data-testid=status-banner][data-status=submitted]").WaitForAsync();
        ListingDraft submitted = await SingleDraftAsync();
        Assert.Equal(ListingStatus.Submitted, submitted.Status);

        // The moderator opens it from the queue, sees the stored mask, presses R, picks a reason, types a note.
        await OpenFromTheQueueAsync(moderator);
        ILocator overlay = moderator.Locator("[data-testid=garment-overlay]");
        await Assertions.Expect(overlay).ToHaveAttributeAsync(
            "src", $"/photos/{submitted.PhotoId:D}/overlays/0");
        await moderator.WaitForFunctionAsync(
            "() => { const o = document.querySelector('[data-testid=garment-overlay]'); "
            + "return o && o.complete && o.naturalWidth > 0; }");
        await moderator.Keyboard.PressAsync("r");
        await moderator.Locator("[data-testid=reject-panel]").WaitForAsync();
        await moderator.Locator("[data-testid=reject-panel]").GetByText("Wrong category", new() { Exact = true })
            .ClickAsync();
        await moderator.Locator("textarea[data-testid=reject-note]").ClickAsync();
        await moderator.Locator("textarea[data-testid=reject-note]").PressSequentiallyAsync(Note);
        await Assertions.Expect(moderator.Locator("[data-testid=reject-panel]")).ToBeVisibleAsync();
        await moderator.ScreenshotAsync(new()
        {
            Path = Path.Combine(Path.GetTempPath(), "fashionlisting-review.png"),
            FullPage = true,
        });
        await moderator.Locator("[data-testid=confirm-reject]").ClickAsync();
        await moderator.WaitForURLAsync(BaseUrl + "/moderation?decided=rejected");

        // The seller sees the reason and the note, changes the category and submits again.
        await seller.GotoAsync(BaseUrl + "/drafts/" + submitted.Id.ToString("D"));
        await seller.Locator("[data-testid=listing-card-interactive][data-interactive=true]").WaitForAsync(
            new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(seller.Locator("[data-testid=rejection-reason]"))
            .ToHaveTextAsync("Reason: Wrong category");
        await Assertions.Expect(seller.Locator("[data-testid=rejection-note]")).ToContainTextAsync(Note);
        await seller.Locator("input[data-testid=category]").FillAsync("shirt, blouse");
        await seller.Locator("input[data-testid=category]").PressAsync("Tab");
        await seller.Locator("[data-testid=submit-for-review]").ClickAsync();
        await seller.Locator("[data-testid=status-banner][data-status=submitted]").WaitForAsync();

        // The moderator opens it again and approves it with A.
        await OpenFromTheQueueAsync(moderator);
        await Assertions.Expect(moderator.Locator("[data-testid=comparison-row][data-field=category]"))
            .ToHaveAttributeAsync("data-differs", ListingComparisonDiffers(suggestedCategory));
        await moderator.Keyboard.PressAsync("a");
        await moderator.WaitForURLAsync(BaseUrl + "/moderation?decided=approved");

        // The seller sees it approved.
        await seller.ReloadAsync();
        await seller.Locator("[data-testid=status-banner][data-status=approved]").WaitForAsync();
        ListingDraft approved = await SingleDraftAsync();
        Assert.Equal(ListingStatus.Approved, approved.Status);
        Assert.Equal("shirt, blouse", approved.Category);
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>();
        await using ListingDbContext db = await contexts.CreateDbContextAsync();
        List<ListingStatusChange> history = await db.StatusChanges.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(
            [ListingStatus.Submitted, ListingStatus.Rejected, ListingStatus.Submitted, ListingStatus.Approved],
            history.Select(c => c.To));
        Assert.Equal(RejectionReason.WrongCategory, history[1].Reason);
        Assert.Equal(Note, history[1].Note);
    }

    // The seller's category now differs from the model's first suggestion unless the model suggested it too.
    private static string ListingComparisonDiffers(string suggested) =>
        string.Equals(suggested.Trim(), "shirt, blouse", StringComparison.OrdinalIgnoreCase) ? "false" : "true";

    private async Task CreateModeratorAsync()
    {
        await using AsyncServiceScope scope = Factory.Services.CreateAsyncScope();
        AccountCreation created = await AccountSetup.CreateAccountAsync(
            scope.ServiceProvider, AccountRoles.Moderator, ModeratorEmail, AppTestHost.Password, default);
        Assert.IsType<AccountCreation.Created>(created);
    }

    private async Task<ListingDraft> SingleDraftAsync()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>();
        await using ListingDbContext db = await contexts.CreateDbContextAsync();
        return await db.Drafts.AsNoTracking().SingleAsync();
    }

    // The moderator opens the queue and, once the page is live, the one listing in it, and waits until its
    // keyboard shortcuts answer.
    private Task OpenFromTheQueueAsync(IPage moderator) =>
        StepAsync(moderator, "Opening the listing from the review queue", async () =>
        {
            await moderator.GotoAsync(BaseUrl + "/moderation");
            await moderator.Locator("[data-testid=queue-interactive][data-interactive=true]")
                .WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await moderator.Locator("[data-testid=queue-row]").ClickAsync();
            await moderator.Locator("[data-testid=shortcuts][data-ready=true]").WaitForAsync();
        });
}
