namespace FashionListing.Inference.Models;

/// <summary>One thing wrong with a model folder or its manifest.</summary>
/// <param name="Field">
/// The JSON path of the field, e.g. <c>input.mean</c> or <c>categories[3]</c>; empty where the problem is
/// the folder or the file as a whole.
/// </param>
/// <param name="Problem">What is wrong and what is allowed, e.g. "must have 3 values (one per channel), not 2."</param>
public sealed record ModelManifestProblem(string Field, string Problem)
{
    /// <summary>The field and the problem as one sentence.</summary>
    public override string ToString() => Field.Length == 0 ? Problem : $"{Field} {Problem}";
}

/// <summary>
/// A model folder or its <c>model.json</c> cannot be used. The message names the file, and for each problem
/// the field and what is wrong with its value, one problem per line.
/// </summary>
public sealed class ModelManifestException : Exception
{
    /// <summary>Creates the exception for the problems found in one manifest.</summary>
    /// <param name="manifestPath">The manifest (or the folder, when there is no manifest to read).</param>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <param name="innerException">The exception that revealed the first problem, if any.</param>
    public ModelManifestException(
        string manifestPath,
        IReadOnlyList<ModelManifestProblem> problems,
        Exception? innerException = null)
        : base(Describe(manifestPath, problems), innerException)
    {
        ManifestPath = manifestPath;
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    /// <param name="manifestPath">The manifest (or the folder, when there is no manifest to read).</param>
    /// <param name="field">The field's JSON path; empty for the file as a whole.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The exception that revealed the problem, if any.</param>
    public ModelManifestException(string manifestPath, string field, string problem, Exception? innerException = null)
        : this(manifestPath, [new ModelManifestProblem(field, problem)], innerException)
    {
    }

    /// <summary>The manifest the problems are in, as the loader was given it.</summary>
    public string ManifestPath { get; }

    /// <summary>Every problem found, in the order of the manifest's fields.</summary>
    public IReadOnlyList<ModelManifestProblem> Problems { get; }

    /// <summary>The first problem's field; empty where it concerns the folder or the file as a whole.</summary>
    public string Field => Problems[0].Field;

    /// <summary>The first problem's description.</summary>
    public string Problem => Problems[0].Problem;

    private static string Describe(string manifestPath, IReadOnlyList<ModelManifestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A manifest exception needs at least one problem.", nameof(problems));
        }

        if (problems.Count == 1)
        {
            return $"{manifestPath}: {problems[0]}";
        }

        return $"{manifestPath} has {problems.Count} problems:" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
