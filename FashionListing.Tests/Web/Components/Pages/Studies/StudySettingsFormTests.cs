using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Pages.Studies;
using FashionListing.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace FashionListing.Tests.Web.Components.Pages.Studies;

/// <summary>
/// The order rule of a study is a pair of radio buttons; the seed is asked for only with the random rule.
/// </summary>
public sealed class StudySettingsFormTests
{
    [Fact]
    public async Task OrderRule_RandomClicked_SetAtOnceAndAsksForTheSeed()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var input = new StudySettingsInput();
        var form = context.Render<StudySettingsForm>(parameters => parameters.Add(f => f.Input, input));
        Assert.Empty(form.FindAll("[data-testid=order-seed]"));

        form.FindAll("[data-testid=order-rule] label")
            .Single(label => label.TextContent.Trim().StartsWith("Random in balanced pairs", StringComparison.Ordinal))
            .QuerySelector("input")!
            .Click();

        Assert.Equal(StudyOrderRule.SeededRandom, input.OrderRule);
        Assert.Single(form.FindAll("input[data-testid=order-seed]"));
    }
}
