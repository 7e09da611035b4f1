//! The few-parameter linear algebra of the fit: normal equations, a solve and an inverse of
//! a small symmetric system (three parameters at most: ln p, ln q, ln ceiling).

/// Parameters of the fit: ln p, ln q and ln ceiling.
pub(super) const PARAMS: usize = 3;

pub(super) type Vector = [f64; PARAMS];
pub(super) type Matrix = [[f64; PARAMS]; PARAMS];

/// JᵀJ and Jᵀr.
pub(super) fn normal_equations(jacobian: &[Vector], residuals: &[f64]) -> (Matrix, Vector) {
    let mut h = [[0.0; PARAMS]; PARAMS];
    let mut g = [0.0; PARAMS];
    for (row, r) in jacobian.iter().zip(residuals) {
        for i in 0..PARAMS {
            g[i] += row[i] * r;
            for j in 0..PARAMS {
                h[i][j] += row[i] * row[j];
            }
        }
    }
    (h, g)
}

/// A⁻¹·b.
pub(super) fn solve(a: Matrix, b: Vector) -> Option<Vector> {
    let inverse = invert(a)?;
    Some(std::array::from_fn(|i| {
        (0..PARAMS).map(|j| inverse[i][j] * b[j]).sum()
    }))
}

/// A⁻¹ by cofactors; `None` when A is singular (or not finite).
pub(super) fn invert(a: Matrix) -> Option<Matrix> {
    let cofactor = |i: usize, j: usize| {
        let (r0, r1) = ((i + 1) % 3, (i + 2) % 3);
        let (c0, c1) = ((j + 1) % 3, (j + 2) % 3);
        a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]
    };
    let det: f64 = (0..PARAMS).map(|j| a[0][j] * cofactor(0, j)).sum();
    if !det.is_finite() || det.abs() < 1e-300 {
        return None;
    }
    // The inverse is the transposed cofactors over the determinant.
    Some(std::array::from_fn(|i| {
        std::array::from_fn(|j| cofactor(j, i) / det)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverts_and_solves_a_symmetric_system() {
        let a = [[4.0, 1.0, 0.5], [1.0, 3.0, -0.2], [0.5, -0.2, 2.0]];
        let inverse = invert(a).unwrap();
        // A times its inverse is the identity.
        for (i, row) in a.iter().enumerate() {
            for j in 0..3 {
                let product: f64 = row.iter().zip(&inverse).map(|(a, inv)| a * inv[j]).sum();
                let identity = if i == j { 1.0 } else { 0.0 };
                assert!((product - identity).abs() < 1e-12, "{i} {j}: {product}");
            }
        }
        let x = solve(a, [1.0, 2.0, 3.0]).unwrap();
        for (row, b) in a.iter().zip([1.0, 2.0, 3.0]) {
            let ax: f64 = row.iter().zip(&x).map(|(a, x)| a * x).sum();
            assert!((ax - b).abs() < 1e-12);
        }
        assert_eq!(
            invert([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [0.0, 0.0, 1.0]]),
            None
        );
    }
}
