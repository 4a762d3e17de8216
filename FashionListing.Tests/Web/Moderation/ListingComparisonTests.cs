using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using FashionListing.Web.Moderation;

namespace FashionListing.Tests.Web.Moderation;

/// <summary>
/// What counts as the model's first suggestion and as a disagreement, on the burgundy top of TopAndJeans:
/// "Burgundy long-sleeve top", Long-sleeve top 82%, burgundy 71% and white 21%, two details.
/// </summary>
public sealed class ListingComparisonTests
{
    [Fact]
    public void Of_CardAsThePageFilledIt_NoFieldDiffersAndTheConfidencesAreShown()
    {
        ListingDraft draft = Top("Burgundy long-sleeve top", "Long-sleeve top", "burgundy and white");

        ListingComparison comparison = ListingComparison.Of(draft)!;

        Assert.False(comparison.Disagrees);
        Assert.All(comparison.Fields, f => Assert.False(f.Differs, f.Field.ToString()));
        Assert.Equal("82%", comparison[ComparedField.Category].Confidence);
        Assert.Equal("burgundy 71%, white 21%", comparison[ComparedField.Colour].Confidence);
        Assert.Equal("classic (t-shirt) 64%, wrist-length 91%", comparison[ComparedField.Attributes].Confidence);
        Assert.Null(comparison[ComparedField.Title].Confidence);
        Assert.Equal((0, 2), (comparison.SelectedGarment, comparison.GarmentCount));
    }

    [Theory]
    [InlineData("Burgundy jumper", "Long-sleeve top", "burgundy and white", true)]
    [InlineData("Burgundy long-sleeve top", "Shirt", "burgundy and white", true)]
    [InlineData("Burgundy long-sleeve top", "Long-sleeve top", "burgundy", true)]
    [InlineData("  burgundy LONG-SLEEVE top ", "long-sleeve top", "Burgundy and White", false)]
    public void Disagrees_TitleCategoryOrColourChanged_TrueIgnoringCaseAndSpaces(
        string title,
        string category,
        string colour,
        bool expected)
    {
        ListingDraft draft = Top(title, category, colour);

        Assert.Equal(expected, ListingComparison.Of(draft)!.Disagrees);
    }

    [Fact]
    public void Disagrees_OnlyDescriptionAndDetailsChanged_FalseThoughBothDiffer()
    {
        ListingDraft draft = Top("Burgundy long-sleeve top", "Long-sleeve top", "burgundy and white");
        draft.Description = "Worn twice, no marks.";
        draft.Attributes = ["wrist-length", "slim (fit)"];

        ListingComparison comparison = ListingComparison.Of(draft)!;

        Assert.False(comparison.Disagrees);
        Assert.True(comparison[ComparedField.Description].Differs);
        Assert.True(comparison[ComparedField.Attributes].Differs);
        Assert.Equal(
            [
                new AttributeComparison("classic (t-shirt)", 0.64f, Suggested: true, Chosen: false),
                new AttributeComparison("wrist-length", 0.91f, Suggested: true, Chosen: true),
                new AttributeComparison("slim (fit)", null, Suggested: false, Chosen: true),
            ],
            comparison.Attributes);
    }

    [Fact]
    public void Of_ManualListing_Null()
    {
        var draft = new ListingDraft { Mode = ListingMode.Manual, Title = "Hand-knitted scarf" };

        Assert.Null(ListingComparison.Of(draft));
    }

    private static ListingDraft Top(string title, string category, string colour) => new()
    {
        Mode = ListingMode.Automated,
        Title = title,
        Category = category,
        Colour = colour,
        Attributes = ["classic (t-shirt)", "wrist-length"],
        Description = "A burgundy long-sleeve top with wrist-length sleeves.",
        SuggestionJson = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 0).ToJson(),
    };
}
