namespace FashionListing.Web.Studies.Analysis;

/// <summary>
/// The System Usability Scale: ten statements answered from 1 (strongly disagree) to 5 (strongly agree), the odd
/// ones worded positively and the even ones negatively, scored 0..100.
/// </summary>
public static class SystemUsabilityScale
{
    /// <summary>How many answers a questionnaire has.</summary>
    public const int AnswerCount = 10;

    /// <summary>
    /// The score: each odd statement gives answer - 1, each even one 5 - answer, and the sum (0..40) is multiplied
    /// by 2.5. For example ten answers of 3 score 50.
    /// </summary>
    /// <exception cref="ArgumentException">There are not ten answers, or an answer lies outside 1..5.</exception>
    public static double Score(IReadOnlyList<int> tenAnswers)
    {
        ArgumentNullException.ThrowIfNull(tenAnswers);
        string? problem = Problem(tenAnswers);
        if (problem is not null)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", nameof(tenAnswers));
        }

        int sum = 0;
        for (int i = 0; i < AnswerCount; i++)
        {
            // i is 0-based, so even i is an odd-numbered, positively worded statement.
            sum += i % 2 == 0 ? tenAnswers[i] - 1 : 5 - tenAnswers[i];
        }

        return sum * 2.5;
    }

    /// <summary>The score, or null with <paramref name="problem"/> saying in plain words what is wrong.</summary>
    public static double? TryScore(IReadOnlyList<int> tenAnswers, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(tenAnswers);
        problem = Problem(tenAnswers);

        return problem is null ? Score(tenAnswers) : null;
    }

    private static string? Problem(IReadOnlyList<int> answers)
    {
        if (answers.Count != AnswerCount)
        {
            return $"the questionnaire has {answers.Count} answers; it needs exactly {AnswerCount}";
        }

        for (int i = 0; i < answers.Count; i++)
        {
            if (answers[i] is < 1 or > 5)
            {
                return $"answer {i + 1} is {answers[i]}; answers must lie in 1..5";
            }
        }

        return null;
    }
}
