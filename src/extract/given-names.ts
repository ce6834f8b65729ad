// Common given names across the languages that news in English reports on. A capitalized pair
// that starts with one of these is a person even without a title ("Raila Odinga said" needs no
// list, but "talks between Mark Rutte and …" does). Not exhaustive: other evidence (titles,
// cue verbs, appositions, a later lone surname) covers names missing here.
const NAMES = `
Aaron Abbas Abdel Abdul Abdullah Abdulla Abel Abraham Abu Adam Adel Adrian Ahmad Ahmed Aisha Akira
Alan Albert Alberto Aleksandr Aleksei Alexei Alexander Alexandra Alexis Ali Alice Alicia Alison Amir
Amy Ana Anders Andre Andrea Andreas Andrei Andrew Andrzej Angela Angelo Ann Anna Anne Annalena Antonio
Anthony Antony Anwar Ari Ariel Arnold Arthur Ashraf Asif Ayman Barack Barbara Bashar Ben Benjamin
Benny Bernard Bernie Betty Bill Bob Boris Brian Bruce Bruno Carl Carlos Carmen Caroline Catherine
Charles Charlie Chen Chris Christian Christine Christopher Chuck Claire Claudia Colin Daniel Daniela
Dario David Dennis Diana Diego Dmitry Dmitri Dominic Donald Douglas Ebrahim Edward Elena Eli Elizabeth
Ellen Emily Emmanuel Enrique Eric Erik Emma Ehud Fatima Felipe Fernando Francesco Francis Francisco
Frank Franz Fred Friedrich Gabriel Gary George Georgi Gerhard Gilad Giorgia Giorgio Giuseppe Gordon
Greg Gregory Gustavo Hamad Hamid Hans Harold Harry Hassan Heinz Helen Henry Hillary Hossein Hugo
Hussein Ibrahim Igor Ilham Imran Irina Isaac Ismail Ivan Jack Jacob Jacques Jaime James Jan Jane
Janet Javier Jean Jeff Jeffrey Jennifer Jens Jeremy Jerome Jim Jimmy Joachim Joan Joe Johann John
Jon Jonathan Jorge Jose José Joseph Juan Julia Julian Julie Justin Kamala Karen Karl Kate Katherine
Keir Kenneth Kevin Khalid Kim Klaus Kurt Laura Lee Leon Leonid Li Linda Lisa Liu Liz Lloyd Louis
Luis Lula Luca Lukas Mahmoud Mahmud Manuel Marco Margaret Maria Marie Mario Mark Marco Martin Mary
Masoud Matteo Matthew Maurice Max Maxim Mehmet Michael Michel Michelle Miguel Mike Mikhail Mohamed
Mohammed Mohammad Muhammad Muhammadu Mustafa Nancy Naftali Narendra Natalia Nicholas Nicolas Nicola
Nikolai Nikos Nina Norbert Olaf Olena Oleg Oleksandr Oleksiy Olga Oliver Omar Oscar Osman Pablo
Patricia Patrick Paul Paula Pavel Pavlo Pedro Peter Petro Philip Philippe Pierre Pietro Qin Rafael
Rahul Ramzan Raul Recep Richard Rishi Robert Roberto Roman Ron Ronald Rosa Ruth Ryan Saeed Salim
Salman Sam Samuel Sandra Sara Sarah Scott Sebastian Serhiy Sergei Sergey Sergio Shinzo Shimon Simon
Sophie Stefan Stephen Steve Steven Susan Sven Tamim Tatiana Thomas Tim Timothy Tom Tony Ursula Valentina
Vasyl Victor Viktor Vladimir Volodymyr Walter Wang William Wolfgang Xi Yair Yasser Yevgeny Yoav Yuri
Yulia Yusuf Zhang Ziad
Abiy Alejandro Alejandra Amadou Andrés Beatriz Bola Cristina Cyril Eduardo Emmerson Fernanda Fumio
Gabriela Giorgi Guillermo Hakainde Ignacio Irakli Jair Joko Kaja Kwame Lucía Marcelo Mauricio Moussa
Nikol Nicolás Ngozi Olusegun Prabowo Ricardo Rodrigo Salome Santiago Sebastián Shehbaz Uhuru Wanda
Yoweri
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/u).filter(Boolean));
