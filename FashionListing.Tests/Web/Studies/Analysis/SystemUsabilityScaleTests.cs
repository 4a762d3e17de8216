using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class SystemUsabilityScaleTests
{
    [Theory]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 }, 50.0)]      // 5 * 2 + 5 * 2 = 20, * 2.5
    [InlineData(new[] { 5, 1, 5, 1, 5, 1, 5, 1, 5, 1 }, 100.0)]     // 5 * 4 + 5 * 4 = 40, * 2.5
    [InlineData(new[] { 1, 5, 1, 5, 1, 5, 1, 5, 1, 5 }, 0.0)]       // every item scores 0
    [InlineData(new[] { 4, 2, 5, 1, 4, 2, 5, 2, 4, 1 }, 85.0)]      // odd 3+4+3+4+3 = 17, even 3+4+3+3+4 = 17
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, 50.0)]      // agreeing with everything: 20 + 0
    public void Score_TenValidAnswers_MatchesTheHandCalculation(int[] answers, double expected)
    {
        double score = SystemUsabilityScale.Score(answers);

        Assert.Equal(expected, score);
    }

    [Fact]
    public void Score_NineAnswers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SystemUsabilityScale.Score([3, 3, 3, 3, 3, 3, 3, 3, 3]));

        Assert.Contains("has 9 answers; it needs exactly 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Score_AnswerOutsideOneToFive_Throws(int answer)
    {
        int[] answers = [3, 3, 3, 3, answer, 3, 3, 3, 3, 3];

        var error = Assert.Throws<ArgumentException>(() => SystemUsabilityScale.Score(answers));

        Assert.Contains($"Answer 5 is {answer}; answers must lie in 1..5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryScore_ElevenAnswers_ReturnsNullWithTheProblem()
    {
        double? score = SystemUsabilityScale.TryScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], out string? problem);

        Assert.Null(score);
        Assert.Equal("the questionnaire has 11 answers; it needs exactly 10", problem);
    }
}
