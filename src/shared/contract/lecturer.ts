/** lecturer: the lecturer pool: profiles, added and removed by administrators, edited by their member, searched; invitations to lecture */

export const lecturerProcedures = {}
