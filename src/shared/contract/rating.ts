/** rating: audience ratings of lectures: rate once after attending, what is waiting to be rated, the ratings a lecturer and the hosting nodes see, 我讲的党课 */

export const ratingProcedures = {}
