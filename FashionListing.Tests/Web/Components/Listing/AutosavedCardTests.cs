using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;

namespace FashionListing.Tests.Web.Components.Listing;

/// <summary>What an autosaved card brings back, depending on what became of its draft.</summary>
public sealed class AutosavedCardTests
{
    private static readonly DateTime s_changed = new(2026, 12, 4, 14, 32, 0, DateTimeKind.Utc);

    [Fact]
    public void From_ListingNeverSaved_BringsBackTheCardAsTyped()
    {
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Half", Price = 12.5m });

        AutosavedCard card = AutosavedCard.From(edit, null);

        Assert.Equal(("Half", (decimal?)12.5m), (card.Card.Title, card.Card.Price));
        Assert.Null(card.DraftId);
        Assert.True(card.EditsApplied);
        Assert.Equal("Your unsaved changes from 14:32 UTC on 4 Dec were brought back.", card.Notice);
    }

    [Fact]
    public void From_DraftGone_BringsBackTheCardAsANewListing()
    {
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Orphan" }, draftId: Guid.NewGuid());

        AutosavedCard card = AutosavedCard.From(edit, null);

        Assert.Equal("Orphan", card.Card.Title);
        Assert.Null(card.DraftId);
        Assert.Contains("no longer exists, so saving makes a new one", card.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SameVersionOfTheDraft_AppliesTheEditsOnThatVersion()
    {
        ListingDraft draft = Draft(ListingStatus.Draft);
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Edited title" }, draft.Id, draft.Version);

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal("Edited title", card.Card.Title);
        Assert.Equal((draft.Id, draft.Version), (card.DraftId!.Value, card.DraftVersion!.Value));
        Assert.Equal(ListingFormModel.FromDraft(draft).ToJson(), card.SavedCardJson);
        Assert.Equal("Your unsaved changes from 14:32 UTC on 4 Dec were brought back.", card.Notice);
    }

    [Fact]
    public void From_DraftSavedElsewhereSince_AppliesTheEditsOnTheNewVersionAndSaysSo()
    {
        ListingDraft draft = Draft(ListingStatus.Rejected);
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Edited title" }, draft.Id, Guid.NewGuid());

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal("Edited title", card.Card.Title);
        Assert.Equal(draft.Version, card.DraftVersion);
        Assert.True(card.EditsApplied);
        Assert.Contains("saving now replaces that version", card.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void From_DraftSavedElsewhereWithAnotherField_KeepsBothChanges()
    {
        ListingDraft draft = Draft(ListingStatus.Draft);
        ListingFormModel basis = ListingFormModel.FromDraft(draft);
        draft.Title = "Title saved in tab A";
        var mine = ListingFormModel.FromJson(basis.ToJson());
        mine.Brand = "Brand typed in tab B";
        AutosavedEdit edit = Edit(mine, draft.Id, Guid.NewGuid());
        edit.BaseCardJson = basis.ToJson();

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal(("Title saved in tab A", "Brand typed in tab B"), (card.Card.Title, card.Card.Brand));
        Assert.Equal(draft.Version, card.DraftVersion);
        Assert.Contains("only the fields you changed here", card.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain("Both changed", card.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void From_BothTabsChangedTheTitleAndPrice_TheseEditsWinAndTheNoticeNamesThem()
    {
        ListingDraft draft = Draft(ListingStatus.Draft);
        ListingFormModel basis = ListingFormModel.FromDraft(draft);
        draft.Title = "Title saved in tab A";
        draft.Price = 30m;
        var mine = ListingFormModel.FromJson(basis.ToJson());
        mine.Title = "Title typed in tab B";
        mine.Price = 25m;
        AutosavedEdit edit = Edit(mine, draft.Id, Guid.NewGuid());
        edit.BaseCardJson = basis.ToJson();

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal(("Title typed in tab B", (decimal?)25m), (card.Card.Title, card.Card.Price));
        Assert.EndsWith(
            "Both changed the title and price: the card shows your value from here.",
            card.Notice,
            StringComparison.Ordinal);
    }

    [Fact]
    public void From_DraftSubmittedSince_ShowsTheDraftAndSetsTheEditsAside()
    {
        ListingDraft draft = Draft(ListingStatus.Submitted);
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Too late" }, draft.Id, Guid.NewGuid());

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal(draft.Title, card.Card.Title);
        Assert.False(card.EditsApplied);
        Assert.Equal(ListingStatus.Submitted, card.Status);
        Assert.Equal(
            "Changes made at 14:32 UTC on 4 Dec were not applied: the listing is waiting for review and can no "
            + "longer be edited.",
            card.Notice);
    }

    [Fact]
    public void From_CardSavedAsShownAndDraftNewer_ShowsTheDraftWithoutANotice()
    {
        ListingDraft draft = Draft(ListingStatus.Draft);
        AutosavedEdit edit = Edit(new ListingFormModel { Title = "Older title" }, draft.Id, Guid.NewGuid());
        edit.HasUnsavedChanges = false;

        AutosavedCard card = AutosavedCard.From(edit, draft);

        Assert.Equal(draft.Title, card.Card.Title);
        Assert.Null(card.Notice);
    }

    [Fact]
    public void ToJsonFromJson_HalfFilledCard_ComesBackFieldByField()
    {
        var typed = new ListingFormModel
        {
            Title = "Ti",
            Category = "Dress",
            Attributes = ["v-neck", "midi"],
            Condition = ItemCondition.Fair,
            Price = 0.5m,
        };

        ListingFormModel back = ListingFormModel.FromJson(typed.ToJson());

        Assert.Equal(
            (typed.Title, typed.Category, typed.Condition, typed.Price, (string?)null),
            (back.Title, back.Category, back.Condition, back.Price, back.Brand));
        Assert.Equal(typed.Attributes, back.Attributes);
    }

    private static AutosavedEdit Edit(ListingFormModel card, Guid? draftId = null, Guid? version = null) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = "seller",
        Page = AutosavePage.Sell,
        DraftId = draftId,
        DraftVersion = version,
        CardJson = card.ToJson(),
        HasUnsavedChanges = true,
        UpdatedUtc = s_changed,
    };

    private static ListingDraft Draft(ListingStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Version = Guid.NewGuid(),
        Title = "Stored title",
        Condition = ItemCondition.Good,
        Price = 20m,
        Status = status,
    };
}
