using FashionListing.Tools.Segmentation;

// A thin dispatcher: each verb lives in its own feature folder.
Dictionary<string, Func<IReadOnlyList<string>, int>> verbs = new(StringComparer.Ordinal)
{
    ["mask-train"] = MaskTraining.Run,
    ["mask-eval"] = MaskEvaluation.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out Func<IReadOnlyList<string>, int>? verb))
{
    string names = string.Join(", ", verbs.Keys.Order(StringComparer.Ordinal));
    Console.Error.WriteLine("FashionListing tools. Verbs: " + names);

    return 2;
}

return verb(args[1..]);
