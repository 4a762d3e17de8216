namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>
/// Minimum-cost one-to-one assignment (the Hungarian algorithm with row and column potentials, O(n^2 m)
/// for n rows and m columns, n &lt;= m) on a rectangular cost matrix.
/// </summary>
public static class HungarianAssignment
{
    /// <summary>
    /// Assigns each row to a distinct column, or each column to a distinct row when there are more rows than
    /// columns, so that the sum of the chosen costs is the smallest possible.
    /// </summary>
    /// <param name="cost"><c>cost[row, column]</c>; every value finite.</param>
    /// <returns>The column of each row, or -1 for the rows left over when rows outnumber columns.</returns>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        foreach (double value in cost)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"The cost matrix holds {value}; every cost must be finite.", nameof(cost));
            }
        }

        if (rows <= columns)
        {
            return SolveWide(cost, rows, columns);
        }

        double[,] transposed = new double[columns, rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[c, r] = cost[r, c];
            }
        }

        int[] rowOfColumn = SolveWide(transposed, columns, rows);
        int[] columnOfRow = new int[rows];
        Array.Fill(columnOfRow, -1);
        for (int c = 0; c < columns; c++)
        {
            columnOfRow[rowOfColumn[c]] = c;
        }

        return columnOfRow;
    }

    /// <summary>The total cost of an assignment returned by <see cref="Solve"/>.</summary>
    public static double TotalCost(double[,] cost, IReadOnlyList<int> columnOfRow)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(columnOfRow);
        double total = 0;
        for (int r = 0; r < columnOfRow.Count; r++)
        {
            total += columnOfRow[r] >= 0 ? cost[r, columnOfRow[r]] : 0;
        }

        return total;
    }

    // Rows are added one at a time; each addition grows a shortest augmenting path over the columns with
    // Dijkstra-like steps on the reduced costs, then flips the path. Index 0 of the arrays is a virtual
    // column that holds the row being added, so the arrays are 1-based.
    private static int[] SolveWide(double[,] cost, int rows, int columns)
    {
        double[] rowPotential = new double[rows + 1];
        double[] columnPotential = new double[columns + 1];
        int[] rowOfColumn = new int[columns + 1];
        int[] previousColumn = new int[columns + 1];
        double[] slack = new double[columns + 1];
        bool[] used = new bool[columns + 1];

        for (int row = 1; row <= rows; row++)
        {
            rowOfColumn[0] = row;
            int column = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[column] = true;
                int current = rowOfColumn[column];
                double delta = double.PositiveInfinity;
                int next = 0;
                for (int j = 1; j <= columns; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = cost[current - 1, j - 1] - rowPotential[current] - columnPotential[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previousColumn[j] = column;
                    }

                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        next = j;
                    }
                }

                for (int j = 0; j <= columns; j++)
                {
                    if (used[j])
                    {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = next;
            }
            while (rowOfColumn[column] != 0);

            do
            {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }

        int[] columnOfRow = new int[rows];
        for (int j = 1; j <= columns; j++)
        {
            if (rowOfColumn[j] != 0)
            {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }

        return columnOfRow;
    }
}
