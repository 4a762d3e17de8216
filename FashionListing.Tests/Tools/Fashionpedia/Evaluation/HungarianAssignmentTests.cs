using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class HungarianAssignmentTests
{
    [Fact]
    public void Solve_SquareMatrix_FindsTheKnownOptimum()
    {
        // Rows 0, 1, 2 to columns 1, 0, 2 costs 2 + 3 + 2 = 7; the greedy diagonal would cost 4 + 4 + 2 = 10.
        double[,] cost =
        {
            { 4, 2, 8 },
            { 3, 4, 7 },
            { 5, 6, 2 },
        };

        int[] assignment = HungarianAssignment.Solve(cost);

        Assert.Equal([1, 0, 2], assignment);
        Assert.Equal(7, HungarianAssignment.TotalCost(cost, assignment));
    }

    [Fact]
    public void Solve_MoreColumnsThanRows_LeavesTheDearColumnsUnused()
    {
        // Row 0 is cheapest at column 3 (1), row 1 at column 0 (2); total 3.
        double[,] cost =
        {
            { 9, 7, 8, 1 },
            { 2, 6, 5, 3 },
        };

        int[] assignment = HungarianAssignment.Solve(cost);

        Assert.Equal([3, 0], assignment);
    }

    [Fact]
    public void Solve_MoreRowsThanColumns_LeavesRowsUnassigned()
    {
        // Column 0 goes to row 2 (1), column 1 to row 0 (2): total 3; rows 1 and 3 get nothing.
        double[,] cost =
        {
            { 5, 2 },
            { 6, 6 },
            { 1, 4 },
            { 3, 9 },
        };

        int[] assignment = HungarianAssignment.Solve(cost);

        Assert.Equal([1, -1, 0, -1], assignment);
        Assert.Equal(3, HungarianAssignment.TotalCost(cost, assignment));
    }

    [Fact]
    public void Solve_AllCostsEqual_ReturnsAPermutationOfTheTiedOptimum()
    {
        double[,] cost =
        {
            { 1, 1, 1 },
            { 1, 1, 1 },
            { 1, 1, 1 },
        };

        int[] assignment = HungarianAssignment.Solve(cost);

        Assert.Equal([0, 1, 2], assignment.Order());
        Assert.Equal(3, HungarianAssignment.TotalCost(cost, assignment));
    }

    [Fact]
    public void Solve_TwoOptimaTied_ReachesTheOptimalTotal()
    {
        // Both the diagonal and the anti-diagonal cost 2; anything else costs more.
        double[,] cost =
        {
            { 1, 1, 5 },
            { 1, 1, 5 },
            { 5, 5, 0 },
        };

        int[] assignment = HungarianAssignment.Solve(cost);

        Assert.Equal(2, HungarianAssignment.TotalCost(cost, assignment));
        Assert.Equal(2, assignment[2]);
    }

    [Fact]
    public void Solve_EmptyMatrix_ReturnsNoAssignment()
    {
        Assert.Empty(HungarianAssignment.Solve(new double[0, 3]));
        Assert.Equal([-1, -1], HungarianAssignment.Solve(new double[2, 0]));
    }

    [Fact]
    public void Solve_NotFiniteCost_Throws()
    {
        double[,] cost = { { 1, double.NaN } };

        Assert.Throws<ArgumentException>(() => HungarianAssignment.Solve(cost));
    }

    [Fact]
    public void Solve_RandomSmallMatrices_MatchesBruteForce()
    {
        Random random = new(20261204);
        for (int trial = 0; trial < 300; trial++)
        {
            int rows = random.Next(1, 6);
            int columns = random.Next(1, 6);
            double[,] cost = new double[rows, columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    // Small integers make ties frequent; the optimum's total must still be reached.
                    cost[r, c] = trial % 2 == 0 ? random.Next(0, 4) : random.NextDouble() * 10;
                }
            }

            int[] assignment = HungarianAssignment.Solve(cost);

            Assert.Equal(Math.Min(rows, columns), assignment.Count(c => c >= 0));
            Assert.Equal(assignment.Count(c => c >= 0), assignment.Where(c => c >= 0).Distinct().Count());
            Assert.Equal(BruteForce(cost), HungarianAssignment.TotalCost(cost, assignment), 9);
        }
    }

    // Tries every injective assignment of the smaller side into the larger one.
    private static double BruteForce(double[,] cost)
    {
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        bool wide = rows <= columns;
        int small = Math.Min(rows, columns);
        int large = Math.Max(rows, columns);
        bool[] used = new bool[large];
        double best = double.PositiveInfinity;

        void Visit(int index, double total)
        {
            if (index == small)
            {
                best = Math.Min(best, total);
                return;
            }

            for (int j = 0; j < large; j++)
            {
                if (!used[j])
                {
                    used[j] = true;
                    Visit(index + 1, total + (wide ? cost[index, j] : cost[j, index]));
                    used[j] = false;
                }
            }
        }

        Visit(0, 0);

        return best;
    }
}
