/** topic: the year's key topics (重点选题): published by the city and districts, tied to lectures and proposals, browsed by members */

export const topicProcedures = {}
