using FashionListing.Web.Studies;

namespace FashionListing.Tests.Web.Studies;

public sealed class StudyTokensTests
{
    [Fact]
    public void New_ThousandTokens_AllDistinctUrlSafeAndOfTheStatedLength()
    {
        string[] tokens = [.. Enumerable.Range(0, 1000).Select(_ => StudyTokens.New())];

        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, token => Assert.True(StudyTokens.LooksValid(token), token));
        Assert.All(tokens, token => Assert.Equal(StudyTokens.Length, token.Length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    public void LooksValid_NotATokensShape_False(string? text)
    {
        Assert.False(StudyTokens.LooksValid(text));
    }
}
